package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

import io.leadpipeline.events.NurtureExitReason;

/** A {@code NurtureEnrollmentChanged} whose change is {@code NurtureExited}. */
public record EnrollmentExitFact(String eventId, String leadId, Instant at, String enrollmentId, String track,
        NurtureExitReason reason, int cycle) implements PipelineFact {
}
