package io.leadpipeline.routing.domain;

import java.time.Instant;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.HandoffRejectionReason;

/** One offer of a lead to a closer (attempt n of its decision) and what became of it. */
public record Handoff(String handoffId, String decisionId, String leadId, String closerId, String pool, String ruleId,
        AssignmentStrategy strategy, int attempt, boolean escalated, String previousHandoffId, Instant handedOffAt, Instant slaDueAt,
        HandoffStatus status, Instant closedAt, HandoffRejectionReason rejectionReason, String note) {

    Handoff closed(HandoffStatus outcome, Instant at, HandoffRejectionReason reason, String closingNote) {
        return new Handoff(handoffId, decisionId, leadId, closerId, pool, ruleId, strategy, attempt, escalated, previousHandoffId,
                handedOffAt, slaDueAt, outcome, at, reason, closingNote);
    }

    public SlaTimer slaTimer() {
        return new SlaTimer(slaDueAt, handoffId);
    }
}
