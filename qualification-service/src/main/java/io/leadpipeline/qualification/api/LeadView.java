package io.leadpipeline.qualification.api;

import java.time.Instant;
import java.util.List;

import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.qualification.domain.Activity;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.NurtureStatus;
import io.leadpipeline.qualification.domain.Reason;
import io.leadpipeline.qualification.domain.StageChange;

/**
 * GET /v1/leads/{leadId}: where a lead stands and why. {@code stage} is the lead's stage; {@code qualifiesFor} is what
 * its latest assessment alone would give (they differ when the stage is held, e.g. an SQL whose score decayed).
 */
public record LeadView(String leadId, LeadStage stage, RejectionReason rejectionReason, int cycle, int fitScore,
        int engagementScore, int totalScore, Grade grade, LeadStage qualifiesFor, List<Reason> reasons, String rulesVersion,
        Instant assessedAt, Contact contact, boolean marketingOptIn, NurtureStatus nurture, Instant coolDownUntil,
        List<Activity> activities, List<StageChange> stageHistory, Instant updatedAt) {

    static LeadView of(LeadProfile profile) {
        Assessment assessment = profile.lastAssessment();
        boolean assessed = assessment != null;
        return new LeadView(profile.leadId(), profile.stage(), profile.rejectionReason(), profile.cycle(),
                assessed ? assessment.fitScore() : 0, assessed ? assessment.engagementScore() : 0,
                assessed ? assessment.totalScore() : 0, assessed ? assessment.grade() : null,
                assessed ? assessment.stage() : null, assessed ? assessment.reasons() : List.of(),
                assessed ? assessment.rulesVersion() : null, assessed ? assessment.assessedAt() : null, profile.contact(),
                profile.marketingOptIn(), profile.nurture(), profile.coolDownUntil(), profile.activities(),
                profile.stageHistory(), profile.updatedAt());
    }
}
