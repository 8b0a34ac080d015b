package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.SuppressionReason;

/** A {@code NurtureEnrollmentChanged} whose change is {@code NurtureEnrolled}. */
public record EnrollmentFact(String eventId, String leadId, Instant at, String enrollmentId, String track,
        NurtureEnrollmentReason reason, int cycle, boolean suppressed, SuppressionReason suppressionReason)
        implements PipelineFact {
}
