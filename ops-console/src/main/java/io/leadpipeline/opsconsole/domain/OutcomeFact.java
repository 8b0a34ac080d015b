package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;

/** A {@code HandoffOutcomeRecorded}: a handoff was accepted, rejected, expired (SLA breach) or reassigned. */
public record OutcomeFact(String eventId, String leadId, Instant at, String handoffId, String closerId,
        HandoffOutcomeType outcome, HandoffRejectionReason reasonCode, String note, int attempt)
        implements PipelineFact {
}
