package io.leadpipeline.qualification.api;

import java.time.Instant;
import java.util.List;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.StageChange;

/** GET /v1/leads/{leadId}: where a lead stands and why. */
public record LeadView(String leadId, LeadStage stage, int cycle, Assessment assessment, int totalScore, Contact contact,
        boolean marketingOptIn, List<StageChange> stageHistory, Instant updatedAt) {

    static LeadView of(LeadProfile profile) {
        Assessment assessment = profile.lastAssessment();
        return new LeadView(profile.leadId(), profile.stage(), profile.cycle(), assessment,
                assessment == null ? 0 : assessment.totalScore(), profile.contact(), profile.marketingOptIn(),
                profile.stageHistory(), profile.updatedAt());
    }
}
