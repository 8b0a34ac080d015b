package io.leadpipeline.qualification.domain;

import java.time.Instant;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;

/** One entry of a lead's stage history. */
public record StageChange(LeadStage stage, RejectionReason rejectionReason, Instant at, String decisionId) {
}
