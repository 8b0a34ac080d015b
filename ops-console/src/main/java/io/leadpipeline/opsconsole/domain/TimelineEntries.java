package io.leadpipeline.opsconsole.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a fact into the line a person reads in a lead's timeline. */
public final class TimelineEntries {

    private TimelineEntries() {
    }

    public static TimelineEntry of(RecordOrigin origin, PipelineFact fact) {
        Map<String, String> details = new LinkedHashMap<>();
        List<ScoreLine> reasons = List.of();
        String event;
        String summary;
        switch (fact) {
            case ConversionFact conversion -> {
                event = "ConversionCaptured";
                summary = "Filled in " + conversion.formType() + " form '" + conversion.formId() + "'";
                put(details, "company", conversion.company());
                put(details, "job title", conversion.jobTitle());
                put(details, "company size", conversion.companySize());
                put(details, "country", conversion.country());
                put(details, "page", conversion.pageUrl());
                put(details, "utm source", conversion.utmSource());
                put(details, "utm campaign", conversion.utmCampaign());
                put(details, "marketing opt-in", Boolean.toString(conversion.marketingOptIn()));
            }
            case EngagementFact engagement -> {
                event = "EngagementTracked";
                summary = "Engagement: " + engagement.type();
                put(details, "url", engagement.url());
                put(details, "campaign", engagement.campaign());
                put(details, "answers touch", engagement.touchId());
            }
            case DecisionFact decision -> {
                event = "QualificationDecided";
                summary = (decision.previousStage() == null ? "Decided " : decision.previousStage() + " → ")
                        + decision.stage()
                        + (decision.rejectionReason() == null ? "" : " (" + decision.rejectionReason() + ")");
                put(details, "stage", decision.stage().name());
                put(details, "grade", String.valueOf(decision.grade()));
                put(details, "score", decision.totalScore() + " (fit " + decision.fitScore() + ", engagement "
                        + decision.engagementScore() + ")");
                put(details, "cycle", Integer.toString(decision.cycle()));
                put(details, "rules version", decision.rulesVersion());
                reasons = decision.reasons();
            }
            case HandoffFact handoff -> {
                event = "LeadHandedOff";
                summary = "Handed off to " + (handoff.closerName() == null ? handoff.closerId() : handoff.closerName())
                        + (handoff.attempt() > 1 ? " (attempt " + handoff.attempt() + ")" : "");
                put(details, "closer", handoff.closerId());
                put(details, "pool", handoff.pool());
                put(details, "rule", handoff.matchedRule());
                put(details, "strategy", String.valueOf(handoff.strategy()));
                put(details, "SLA due", handoff.slaDueAt() == null ? null : handoff.slaDueAt().toString());
                put(details, "escalated", handoff.escalated() ? "yes" : null);
                put(details, "replaces handoff", handoff.previousHandoffId());
                put(details, "handoff", handoff.handoffId());
            }
            case OutcomeFact outcome -> {
                event = "HandoffOutcomeRecorded";
                summary = "Handoff " + outcome.outcome() + " by " + outcome.closerId()
                        + (outcome.reasonCode() == null ? "" : " (" + outcome.reasonCode() + ")");
                put(details, "note", outcome.note());
                put(details, "attempt", Integer.toString(outcome.attempt()));
                put(details, "handoff", outcome.handoffId());
            }
            case EnrollmentFact enrollment -> {
                event = "NurtureEnrolled";
                summary = "Enrolled in nurture track '" + enrollment.track() + "' (" + enrollment.reason() + ")"
                        + (enrollment.suppressed() ? ", suppressed" : "");
                put(details, "cycle", Integer.toString(enrollment.cycle()));
                put(details, "suppressed because", enrollment.suppressed()
                        ? String.valueOf(enrollment.suppressionReason()) : null);
                put(details, "enrollment", enrollment.enrollmentId());
            }
            case EnrollmentExitFact exit -> {
                event = "NurtureExited";
                summary = "Left nurture track '" + exit.track() + "' (" + exit.reason() + ")";
                put(details, "cycle", Integer.toString(exit.cycle()));
                put(details, "enrollment", exit.enrollmentId());
            }
            case TouchFact touch -> {
                event = "NurtureTouchDue";
                summary = "Nurture touch " + touch.step() + " of '" + touch.track() + "': " + touch.template();
                put(details, "enrollment", touch.enrollmentId());
            }
            case DeadLetterFact deadLetter -> {
                event = "DeadLetter";
                summary = "Dead letter from " + deadLetter.sourceTopic() + ": " + deadLetter.reason();
                put(details, "service", deadLetter.service());
                put(details, "exception", deadLetter.exception());
                put(details, "source", deadLetter.sourceTopic() + "/" + deadLetter.sourcePartition() + "@"
                        + deadLetter.sourceOffset());
            }
        }
        return new TimelineEntry(fact.at(), origin.topic(), origin.partition(), origin.offset(), fact.eventId(),
                event, summary, details, reasons);
    }

    private static void put(Map<String, String> details, String name, String value) {
        if (value != null && !value.isBlank()) {
            details.put(name, value);
        }
    }
}
