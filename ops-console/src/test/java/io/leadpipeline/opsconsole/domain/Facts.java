package io.leadpipeline.opsconsole.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.RejectionReason;

/** Facts as the reader makes them from the services' events, for the domain tests. */
final class Facts {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private Facts() {
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static ConversionFact conversion(String leadId, String conversionId, Instant at) {
        return new ConversionFact(conversionId, leadId, at, "demo", FormType.DEMO_REQUEST, "Initech", "VP Sales",
                "500", "US", "https://example.com/demo", "google", "q4", true);
    }

    static DecisionFact decision(String leadId, String decisionId, Instant at, LeadStage stage, String trigger) {
        return new DecisionFact(decisionId, leadId, at, stage, null,
                stage == LeadStage.REJECTED ? RejectionReason.LOW_SCORE : null, 30, 10, 40, Grade.B,
                List.of(new ScoreLine("intent.demo", 40, "Asked for a demo")), trigger, 1, "v1");
    }

    static HandoffFact handoff(String leadId, String handoffId, Instant at, String decisionId, String closerId,
            int attempt) {
        return new HandoffFact(handoffId, leadId, at, decisionId, closerId, "Closer " + closerId, "default",
                "catch-all", AssignmentStrategy.ROUND_ROBIN, attempt, at.plus(Duration.ofHours(4)), null, false);
    }

    static HandoffFact reassignment(String leadId, String handoffId, Instant at, String decisionId, String closerId,
            int attempt, String previousHandoffId) {
        return new HandoffFact(handoffId, leadId, at, decisionId, closerId, "Closer " + closerId, "default",
                "catch-all", AssignmentStrategy.ROUND_ROBIN, attempt, at.plus(Duration.ofHours(4)), previousHandoffId,
                false);
    }

    static OutcomeFact outcome(String leadId, String outcomeId, Instant at, String handoffId, String closerId,
            HandoffOutcomeType outcome) {
        return new OutcomeFact(outcomeId, leadId, at, handoffId, closerId, outcome, null, null, 1);
    }

    static EnrollmentFact enrollment(String leadId, String eventId, Instant at) {
        return new EnrollmentFact(eventId, leadId, at, "enr-" + eventId, "warm-up", NurtureEnrollmentReason.LOW_SCORE,
                1, false, null);
    }

    static EnrollmentExitFact exit(String leadId, String eventId, Instant at) {
        return new EnrollmentExitFact(eventId, leadId, at, "enr-1", "warm-up", NurtureExitReason.QUALIFIED, 1);
    }

    static TouchFact touch(String leadId, String touchId, Instant at) {
        return new TouchFact(touchId, leadId, at, "enr-1", "warm-up", 1, "welcome");
    }

    static RecordOrigin origin(String topic, long offset, Instant timestamp) {
        return new RecordOrigin(topic, 0, offset, timestamp);
    }
}
