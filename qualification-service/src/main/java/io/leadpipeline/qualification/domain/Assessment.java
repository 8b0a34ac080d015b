package io.leadpipeline.qualification.domain;

import java.util.List;

import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;

/** The outcome of scoring a lead: the stage it qualifies for, its scores and grade, and every rule that fired. */
public record Assessment(LeadStage stage, RejectionReason rejectionReason, int fitScore, int engagementScore, Grade grade,
        List<Reason> reasons) {

    public int totalScore() {
        return fitScore + engagementScore;
    }
}
