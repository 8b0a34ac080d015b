package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

import io.leadpipeline.events.AssignmentStrategy;

/** A {@code LeadHandedOff}: the lead was assigned to a closer (attempt 2+ after a reassignment). */
public record HandoffFact(String eventId, String leadId, Instant at, String decisionId, String closerId,
        String closerName, String pool, String matchedRule, AssignmentStrategy strategy, int attempt,
        Instant slaDueAt) implements PipelineFact {

    public String handoffId() {
        return eventId;
    }
}
