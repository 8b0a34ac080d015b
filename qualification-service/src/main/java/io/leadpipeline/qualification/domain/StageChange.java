package io.leadpipeline.qualification.domain;

import java.time.Instant;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;

/**
 * One entry of a lead's stage history. {@code decisionId} is null for a change that wrote no decision (a recycle,
 * which routing and nurture learn from the closer's outcome itself); {@code note} says why in a sentence.
 */
public record StageChange(LeadStage stage, RejectionReason rejectionReason, Instant at, String decisionId, int cycle,
        String note) {
}
