package io.leadpipeline.qualification.domain;

import java.time.Instant;
import java.util.List;

import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;

/**
 * What the rules say about a lead at one instant: the stage its scores qualify it for (which the stage machine may
 * hold back), its scores and grade, every rule that fired, and the rules version.
 */
public record Assessment(LeadStage stage, RejectionReason rejectionReason, int fitScore, int engagementScore, Grade grade,
        List<Reason> reasons, String rulesVersion, Instant assessedAt) {

    public int totalScore() {
        return fitScore + engagementScore;
    }

    /** Same scores, grade and qualifying stage (what a periodic re-assessment needs to store). */
    public boolean sameScoresAs(Assessment other) {
        return other != null && fitScore == other.fitScore && engagementScore == other.engagementScore
                && grade == other.grade && stage == other.stage && rejectionReason == other.rejectionReason
                && rulesVersion.equals(other.rulesVersion);
    }
}
