package io.leadpipeline.nurture;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.events.ScoreReason;
import io.leadpipeline.kafka.LeadIds;

/** Decisions as qualification-service writes them, for the tests. */
public final class TestDecisions {

    private TestDecisions() {
    }

    public static QualificationDecided rejected(String email, RejectionReason reason, boolean marketingOptIn) {
        QualificationDecided decision = decision(email, LeadStage.REJECTED);
        decision.setRejectionReason(reason);
        decision.getLead().setConsent(new MarketingConsent(marketingOptIn, "v1"));
        return decision;
    }

    public static QualificationDecided decision(String email, LeadStage stage) {
        List<ScoreReason> reasons = List.of(new ScoreReason("intent.high-intent-form", 40, "Asked to talk to sales"));
        return QualificationDecided.newBuilder()
                .setDecisionId(UUID.randomUUID().toString())
                .setLeadId(LeadIds.fromEmail(email))
                .setDecidedAt(Instant.parse("2026-11-26T10:00:00Z"))
                .setStage(stage)
                .setRejectionReason(stage == LeadStage.REJECTED ? RejectionReason.NOT_A_FIT : null)
                .setFitScore(30)
                .setEngagementScore(40)
                .setTotalScore(70)
                .setGrade(Grade.A)
                .setReasons(reasons)
                .setTriggeringEventId(UUID.randomUUID().toString())
                .setRulesVersion("test")
                .setLead(LeadSnapshot.newBuilder()
                        .setContact(ContactDetails.newBuilder().setEmail(email).setCompany("Acme Corp").build())
                        .setReasons(reasons)
                        .build())
                .build();
    }
}
