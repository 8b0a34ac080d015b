package io.leadpipeline.qualification.streams;

import java.time.Duration;

import io.leadpipeline.qualification.domain.Qualification;

/**
 * What qualification reports for monitoring. Counters may count a record twice when a transaction is retried after a
 * crash (the decisions themselves are exactly once).
 */
public interface QualificationMetrics {

    QualificationMetrics NONE = new QualificationMetrics() {
        @Override
        public void decided(Qualification.Decision decision, Duration lag) {
        }

        @Override
        public void staleExpired() {
        }

        @Override
        public void recycled() {
        }

        @Override
        public void erased() {
        }
    };

    /** A decision written to lead.decisions, {@code lag} after the event that caused it was written (zero for scans). */
    void decided(Qualification.Decision decision, Duration lag);

    /** An MQL without progress for too long went back to marketing (REJECTED/STALE) in a wall-clock scan. */
    void staleExpired();

    /** A closer rejected an SQL lead: a new cycle starts with marketing. */
    void recycled();

    /** A lead's profile was erased on request. */
    void erased();
}
