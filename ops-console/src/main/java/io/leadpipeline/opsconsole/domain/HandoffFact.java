package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

import io.leadpipeline.events.AssignmentStrategy;

/**
 * A {@code LeadHandedOff}: the lead was assigned to a closer. A reassignment is attempt 2+ and names the handoff it
 * replaces ({@code previousHandoffId}, null otherwise); {@code escalated} when it went to the escalation pool.
 */
public record HandoffFact(String eventId, String leadId, Instant at, String decisionId, String closerId,
        String closerName, String pool, String matchedRule, AssignmentStrategy strategy, int attempt,
        Instant slaDueAt, String previousHandoffId, boolean escalated) implements PipelineFact {

    public String handoffId() {
        return eventId;
    }
}
