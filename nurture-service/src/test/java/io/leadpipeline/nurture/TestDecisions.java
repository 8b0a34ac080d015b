package io.leadpipeline.nurture;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.events.ScoreReason;
import io.leadpipeline.kafka.LeadIds;

/** Decisions, handoff outcomes and engagements as the other services write them, for the tests. */
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
                        .setContact(ContactDetails.newBuilder().setEmail(email).setFirstName("Robin").setLastName("Reader")
                                .setCompany("Acme Corp").build())
                        .setConsent(new MarketingConsent(true, "v1"))
                        .setGrade(Grade.A)
                        .setReasons(reasons)
                        .build())
                .build();
    }

    /** What routing writes when a closer accepts or rejects the handoff of {@code decision}'s lead. */
    public static HandoffOutcomeRecorded outcome(QualificationDecided decision, HandoffOutcomeType type) {
        return HandoffOutcomeRecorded.newBuilder()
                .setOutcomeId(UUID.randomUUID().toString())
                .setHandoffId(UUID.randomUUID().toString())
                .setLeadId(decision.getLeadId())
                .setCloserId("closer-1")
                .setOutcome(type)
                .setReasonCode(type == HandoffOutcomeType.REJECTED ? HandoffRejectionReason.BAD_TIMING : null)
                .setOccurredAt(Instant.parse("2026-11-26T10:00:00Z"))
                .setLead(decision.getLead())
                .build();
    }

    public static EngagementTracked engagement(String leadId, EngagementType type) {
        return EngagementTracked.newBuilder()
                .setEngagementId(UUID.randomUUID().toString())
                .setLeadId(leadId)
                .setOccurredAt(Instant.parse("2026-11-26T10:00:00Z"))
                .setReceivedAt(Instant.parse("2026-11-26T10:00:00Z"))
                .setType(type)
                .setDetail(EngagementDetail.newBuilder().build())
                .build();
    }
}
