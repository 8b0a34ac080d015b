package io.leadpipeline.systemtests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;

/**
 * Counts, per lead, what reached each topic against what must have: every acknowledged conversion present, exactly
 * the expected decisions, one first handoff per SQL, one outcome per answered handoff, one enrollment per nurturable
 * rejection, no touch twice. A shortfall is a loss, an excess a duplicate, anything else a wrong outcome.
 */
final class ChaosAudit {

    /** The verdict: losses, duplicates and wrong outcomes, each with the first few examples. */
    record Result(int lost, int duplicated, int wrong, int conversionsOnTopic, int repeatedConversionRecords, int unkeyedRetryConversions,
            Map<String, Integer> recordsByTopic, List<String> examples) {

        boolean complete() {
            return lost == 0;
        }

        boolean clean() {
            return lost == 0 && duplicated == 0 && wrong == 0;
        }
    }

    private static final int MAX_EXAMPLES = 20;

    private int lost;
    private int duplicated;
    private int wrong;
    private final List<String> examples = new ArrayList<>();

    private ChaosAudit() {
    }

    /**
     * @param leads the leads whose conversions were acknowledged
     * @param acknowledged conversion ids answered with {@code 202}, by lead id
     */
    static Result audit(List<ChaosLead> leads, Map<String, Set<String>> acknowledged, PipelineObserver observer) {
        return new ChaosAudit().run(leads, acknowledged, observer);
    }

    private Result run(List<ChaosLead> leads, Map<String, Set<String>> acknowledged, PipelineObserver observer) {
        Map<String, Integer> recordsByTopic = new HashMap<>();
        PipelineObserver.TOPICS.forEach(topic -> recordsByTopic.put(topic, observer.records(topic).size()));

        List<ConversionCaptured> conversions = values(observer, "lead.conversions", ConversionCaptured.class);
        Set<String> conversionIds = new HashSet<>();
        Map<String, Set<String>> conversionIdsByLead = new HashMap<>();
        int repeated = 0;
        for (ConversionCaptured conversion : conversions) {
            if (!conversionIds.add(conversion.getConversionId())) {
                repeated++; // the same conversion written again after a crash: consumers drop it by id
            }
            conversionIdsByLead.computeIfAbsent(conversion.getLeadId(), k -> new HashSet<>()).add(conversion.getConversionId());
        }
        int unkeyedRetries = 0;
        Map<String, List<QualificationDecided>> decisions = byLead(values(observer, "lead.decisions", QualificationDecided.class),
                QualificationDecided::getLeadId);
        Map<String, List<LeadHandedOff>> handoffs = byLead(values(observer, "lead.handoffs", LeadHandedOff.class), LeadHandedOff::getLeadId);
        Map<String, List<HandoffOutcomeRecorded>> outcomes = byLead(values(observer, "lead.handoff-outcomes", HandoffOutcomeRecorded.class),
                HandoffOutcomeRecorded::getLeadId);
        Map<String, List<NurtureEnrollmentChanged>> enrollments = byLead(values(observer, "lead.nurture-enrollments",
                NurtureEnrollmentChanged.class), NurtureEnrollmentChanged::getLeadId);
        List<NurtureTouchDue> touches = values(observer, "lead.nurture-touches", NurtureTouchDue.class);

        for (ChaosLead lead : leads) {
            String id = lead.leadId();
            String who = lead.kind() + " lead #" + lead.number() + " (" + lead.duplicate() + ")";
            for (String conversionId : acknowledged.getOrDefault(id, Set.of())) {
                if (!conversionIds.contains(conversionId)) {
                    lose(who + ": acknowledged conversion " + conversionId + " is not on lead.conversions");
                }
            }
            Set<String> unacknowledged = new HashSet<>(conversionIdsByLead.getOrDefault(id, Set.of()));
            unacknowledged.removeAll(acknowledged.getOrDefault(id, Set.of()));
            if (!unacknowledged.isEmpty() && lead.keyed()) {
                duplicate(who + ": conversions under ids never acknowledged: " + unacknowledged);
            }
            if (!lead.keyed()) {
                unkeyedRetries += unacknowledged.size(); // a retry without a key after a capture crash: a new form fill
            }
            List<QualificationDecided> leadDecisions = decisions.getOrDefault(id, List.of());
            boolean formFillAfterRejection = isFormFillAfterRejection(lead, leadDecisions, conversionIdsByLead.getOrDefault(id, Set.of()));
            checkDecisions(lead, who, leadDecisions, formFillAfterRejection);
            List<LeadHandedOff> leadHandoffs = handoffs.getOrDefault(id, List.of());
            distinct(who, "handoff", leadHandoffs, LeadHandedOff::getHandoffId);
            long first = leadHandoffs.stream().filter(h -> h.getAttempt() == 1).count();
            compare(who, "first-attempt handoffs", lead.kind().handoffs, first);
            leadHandoffs.stream().filter(h -> h.getAttempt() != 1)
                    .forEach(h -> wrong(who + ": a reassignment (attempt " + h.getAttempt() + ") although no SLA can expire"));

            List<HandoffOutcomeRecorded> leadOutcomes = outcomes.getOrDefault(id, List.of());
            distinct(who, "outcome", leadOutcomes, HandoffOutcomeRecorded::getOutcomeId);
            Map<String, Long> perHandoff = leadOutcomes.stream()
                    .collect(Collectors.groupingBy(o -> o.getHandoffId(), Collectors.counting()));
            perHandoff.forEach((handoffId, count) -> {
                if (count > 1) {
                    duplicate(who + ": " + count + " outcomes for handoff " + handoffId + " (an answer applied twice)");
                }
            });
            compare(who, "answered handoffs", lead.kind().outcomes, perHandoff.size());
            HandoffOutcomeType expectedOutcome = lead.closerRejects() ? HandoffOutcomeType.REJECTED : HandoffOutcomeType.ACCEPTED;
            leadOutcomes.stream().filter(o -> o.getOutcome() != expectedOutcome)
                    .forEach(o -> wrong(who + ": outcome " + o.getOutcome() + ", the closer answered " + expectedOutcome));

            List<NurtureEnrollmentChanged> changes = enrollments.getOrDefault(id, List.of());
            distinct(who, "enrollment change", changes, NurtureEnrollmentChanged::getEventId);
            compare(who, "enrollments", lead.kind().enrollments, changes.stream().filter(c -> c.getChange() instanceof NurtureEnrolled).count());
            // A lead that qualifies again (SQL, or MQL after a later form fill) leaves nurture once.
            compare(who, "nurture exits", lead.kind() == ChaosLead.Kind.REQUALIFIES || formFillAfterRejection ? 1 : 0,
                    changes.stream().filter(c -> c.getChange() instanceof NurtureExited).count());
        }
        distinct("touches", "touch", touches, NurtureTouchDue::getTouchId);
        distinct("touches", "enrollment step", touches, t -> t.getEnrollmentId() + "#" + t.getStep());
        return new Result(lost, duplicated, wrong, conversionIds.size(), repeated, unkeyedRetries, recordsByTopic, List.copyOf(examples));
    }

    private void checkDecisions(ChaosLead lead, String who, List<QualificationDecided> decided, boolean formFillAfterRejection) {
        distinct(who, "decision", decided, QualificationDecided::getDecisionId);
        List<LeadStage> stages = decided.stream().map(QualificationDecided::getStage).toList();
        if (formFillAfterRejection) {
            return; // the lead's later form fill reached qualification after the closer's rejection: MQL, cooling down
        }
        List<LeadStage> expected = lead.kind().decisions;
        if (stages.size() < expected.size() && expected.subList(0, stages.size()).equals(stages)) {
            lose(who + ": decisions " + stages + ", expected " + expected);
        } else if (stages.size() > expected.size() && stages.subList(0, expected.size()).equals(expected)) {
            duplicate(who + ": decisions " + stages + ", expected " + expected);
        } else if (!stages.equals(expected)) {
            wrong(who + ": decisions " + stages + ", expected " + expected);
        }
        if (lead.kind() == ChaosLead.Kind.DISQUALIFIED && !decided.isEmpty()
                && (decided.get(0).getRejectionReason() == null || !decided.get(0).getRejectionReason().name().startsWith("DISQUALIFIED_"))) {
            wrong(who + ": rejected as " + decided.get(0).getRejectionReason() + ", expected DISQUALIFIED_*");
        }
    }

    /**
     * Whether the MQL after the SQL is qualification's answer to another form fill of the lead (a later resubmission, or a
     * keyless retry that a capture crash made a new conversion) that it read after the closer had rejected the lead:
     * recycled leads may not be SQL again during the cool-down, so it decides MQL, and says so.
     */
    private static boolean isFormFillAfterRejection(ChaosLead lead, List<QualificationDecided> decided, Set<String> conversionIds) {
        if (!lead.closerRejects() || !decided.stream().map(QualificationDecided::getStage).toList().equals(List.of(LeadStage.SQL, LeadStage.MQL))) {
            return false;
        }
        QualificationDecided sql = decided.get(0);
        QualificationDecided mql = decided.get(1);
        return conversionIds.contains(mql.getTriggeringEventId()) && !mql.getTriggeringEventId().equals(sql.getTriggeringEventId())
                && mql.getReasons().stream().anyMatch(reason -> reason.getRuleId().equals("stage.recycle-cool-down"));
    }

    private void compare(String who, String what, long expected, long actual) {
        if (actual < expected) {
            lose(who + ": " + actual + " " + what + ", expected " + expected);
        } else if (actual > expected) {
            duplicate(who + ": " + actual + " " + what + ", expected " + expected);
        }
    }

    private <T> void distinct(String who, String what, List<T> records, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T record : records) {
            if (!seen.add(id.apply(record))) {
                duplicate(who + ": " + what + " " + id.apply(record) + " written twice");
            }
        }
    }

    private void lose(String example) {
        lost++;
        example("LOST " + example);
    }

    private void duplicate(String example) {
        duplicated++;
        example("DUPLICATED " + example);
    }

    private void wrong(String example) {
        wrong++;
        example("WRONG " + example);
    }

    private void example(String example) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(example);
        }
    }

    private static <T> List<T> values(PipelineObserver observer, String topic, Class<T> type) {
        return observer.records(topic).stream().map(PipelineObserver.Seen::value).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> Map<String, List<T>> byLead(List<T> records, Function<T, String> leadId) {
        return records.stream().collect(Collectors.groupingBy(leadId));
    }
}
