package io.leadpipeline.nurture.streams;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;

/** What the nurture processor counts: enrollments and touches by track, exits by reason, parked leads. */
public interface NurtureMetrics {

    NurtureMetrics NONE = new NurtureMetrics() {
    };

    default void enrolled(String track, NurtureEnrollmentReason reason, boolean suppressed) {
    }

    default void touched(String track, boolean sent) {
    }

    default void exited(String track, NurtureExitReason reason) {
    }

    default void parked() {
    }

    default void skipped(String verdict) {
    }
}
