package io.leadpipeline.nurture.domain;

import java.time.Instant;

import io.leadpipeline.events.NurtureEnrollmentReason;

/** What nurture did to a lead, for the adapter to publish, schedule, count and log, in the order it happened. */
public sealed interface NurtureEffect {

    /** The lead entered a track (possibly suppressed: then its touches are withheld). */
    record Enrolled(Enrollment enrollment) implements NurtureEffect {
    }

    /** The lead's active enrollment ended; {@code enrollment} carries the exit reason and time. */
    record Exited(Enrollment enrollment) implements NurtureEffect {
    }

    /** Step {@code step} of the enrollment is now the lead's one pending step, due at {@code dueAt}. */
    record StepScheduled(String enrollmentId, int step, Instant dueAt) implements NurtureEffect {
    }

    /** The lead's pending step, due at {@code dueAt}, will not be sent: its enrollment ended. */
    record StepCancelled(Instant dueAt) implements NurtureEffect {
    }

    /** A due step goes out to {@code recipient}. */
    record TouchSent(Enrollment enrollment, Touch touch, Contact recipient) implements NurtureEffect {
    }

    /** A due step is withheld (no consent, unsubscribed, no address): recorded, not sent. */
    record TouchWithheld(Enrollment enrollment, Touch touch) implements NurtureEffect {
    }

    /** A lead rejected again after {@code cycles} enrollments, the cap: it will not be nurtured again. */
    record Parked(int cycles) implements NurtureEffect {
    }

    /** A nurturable rejection that enrolled nobody, and why. */
    record NotEnrolled(EnrollmentVerdict verdict) implements NurtureEffect {
    }

    /** No configured track serves the reason (validated rules always have a catch-all): nothing changed. */
    record NoTrackServes(NurtureEnrollmentReason reason) implements NurtureEffect {
    }
}
