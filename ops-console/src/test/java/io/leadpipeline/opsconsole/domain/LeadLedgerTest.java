package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;

/** Proves a lead's funnel milestones and its capture→handoff latency do not depend on the order events are read. */
class LeadLedgerTest {

    private static final String LEAD = "lead-1";

    private final List<PipelineFact> salesPath = List.of(
            Facts.conversion(LEAD, "conv-1", at(0)),
            Facts.decision(LEAD, "dec-1", at(1), LeadStage.SQL, "conv-1"),
            Facts.handoff(LEAD, "ho-1", at(3), "dec-1", "closer-ava", 1),
            Facts.outcome(LEAD, "out-1", at(30), "ho-1", "closer-ava", HandoffOutcomeType.ACCEPTED));

    @Test
    void shouldPlaceASalesQualifiedLeadOnEveryStepOfTheMainPath() {
        LeadLedger ledger = new LeadLedger();
        List<LatencySample> samples = new ArrayList<>();
        salesPath.forEach(fact -> samples.addAll(ledger.apply(fact)));

        assertEquals(Map.of(FunnelStep.CAPTURED, at(0), FunnelStep.MQL, at(1), FunnelStep.SQL, at(1),
                FunnelStep.HANDED_OFF, at(3), FunnelStep.ACCEPTED, at(30)), ledger.milestones());
        assertEquals(List.of(new LatencySample(LEAD, at(3), Duration.ofMinutes(3))), samples);
    }

    @Test
    void shouldReachTheSameMilestonesAndLatencyWhenEventsArriveInReverse() {
        LeadLedger ledger = new LeadLedger();
        List<LatencySample> samples = new ArrayList<>();
        salesPath.reversed().forEach(fact -> samples.addAll(ledger.apply(fact)));

        assertEquals(at(0), ledger.milestones().get(FunnelStep.CAPTURED));
        assertEquals(at(30), ledger.milestones().get(FunnelStep.ACCEPTED));
        assertEquals(List.of(new LatencySample(LEAD, at(3), Duration.ofMinutes(3))), samples,
                "measured once, as soon as the chain was complete");
    }

    @Test
    void shouldMeasureOnlyTheFirstAttemptOfAHandoffFromItsTriggeringConversion() {
        LeadLedger ledger = new LeadLedger();
        List<LatencySample> samples = new ArrayList<>();
        List.of(Facts.conversion(LEAD, "conv-old", at(0)),
                Facts.conversion(LEAD, "conv-1", at(50)),
                Facts.decision(LEAD, "dec-1", at(51), LeadStage.SQL, "conv-1"),
                Facts.handoff(LEAD, "ho-1", at(52), "dec-1", "closer-ava", 1),
                Facts.handoff(LEAD, "ho-2", at(300), "dec-1", "closer-ben", 2),
                Facts.handoff(LEAD, "ho-1", at(52), "dec-1", "closer-ava", 1))
                .forEach(fact -> samples.addAll(ledger.apply(fact)));

        assertEquals(List.of(new LatencySample(LEAD, at(52), Duration.ofMinutes(2))), samples);
    }

    @Test
    void shouldCountARejectedLeadThatIsNurturedAndQualifiesAgainAsRequalified() {
        LeadLedger ledger = new LeadLedger();
        List.of(Facts.conversion(LEAD, "conv-1", at(0)),
                Facts.decision(LEAD, "dec-1", at(1), LeadStage.REJECTED, "conv-1"),
                Facts.enrollment(LEAD, "enr-1", at(2)),
                Facts.touch(LEAD, "touch-1", at(60)),
                Facts.decision(LEAD, "dec-2", at(90), LeadStage.MQL, "eng-1"),
                Facts.exit(LEAD, "exit-1", at(90)))
                .forEach(ledger::apply);

        Map<FunnelStep, java.time.Instant> milestones = ledger.milestones();
        assertEquals(at(1), milestones.get(FunnelStep.REJECTED));
        assertEquals(at(2), milestones.get(FunnelStep.NURTURED));
        assertEquals(at(90), milestones.get(FunnelStep.REQUALIFIED));
        assertEquals(at(90), milestones.get(FunnelStep.MQL));
        assertFalse(milestones.containsKey(FunnelStep.SQL));
    }

    @Test
    void shouldNotCountAQualificationBeforeTheEnrollmentAsRequalified() {
        LeadLedger ledger = new LeadLedger();
        List.of(Facts.decision(LEAD, "dec-1", at(1), LeadStage.MQL, "conv-1"),
                Facts.outcome(LEAD, "out-1", at(5), "ho-1", "closer-ava", HandoffOutcomeType.REJECTED),
                Facts.enrollment(LEAD, "enr-1", at(6)))
                .forEach(ledger::apply);

        assertEquals(at(5), ledger.milestones().get(FunnelStep.REJECTED), "a closer's rejection counts as rejected");
        assertTrue(ledger.milestones().containsKey(FunnelStep.NURTURED));
        assertFalse(ledger.milestones().containsKey(FunnelStep.REQUALIFIED));
    }
}
