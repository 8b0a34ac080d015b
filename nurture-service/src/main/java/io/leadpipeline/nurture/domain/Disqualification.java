package io.leadpipeline.nurture.domain;

import java.time.Instant;

import io.leadpipeline.events.RejectionReason;

/**
 * A DISQUALIFIED_* decision nurture applied to a lead it knows: in force (the lead is not nurtured) until a later MQL
 * or SQL decision lifts it. Kept after it is lifted so the same decision arriving again is recognised by its id.
 */
public record Disqualification(String decisionId, RejectionReason reason, Instant at, Instant liftedAt) {

    public boolean inForce() {
        return liftedAt == null;
    }

    public Disqualification lifted(Instant at) {
        return new Disqualification(decisionId, reason, this.at, at);
    }

    /** Whether a qualification rejection disqualifies the lead (as opposed to "not ready yet", which is nurtured). */
    public static boolean disqualifies(RejectionReason reason) {
        if (reason == null) {
            return false;
        }
        return switch (reason) {
            case DISQUALIFIED_COMPETITOR, DISQUALIFIED_INVALID, DISQUALIFIED_SPAM, DISQUALIFIED_EXCLUDED_SEGMENT -> true;
            case LOW_SCORE, NOT_A_FIT, STALE, OTHER -> false;
        };
    }
}
