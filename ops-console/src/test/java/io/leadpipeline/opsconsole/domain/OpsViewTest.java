package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;

/** Proves the whole view from facts: funnel, latency, sales floor, timelines and dead letters agree. */
class OpsViewTest {

    private final OpsView view = new OpsView(new ViewLimits(1000, 100, 100, 1000, 1000, 1000),
            List.of("lead.conversions"));

    @Test
    void shouldBuildFunnelLatencyFloorAndJourneyFromTheEventsOfTwoLeads() {
        record("lead.conversions", Facts.conversion("sql", "c1", at(0)));
        record("lead.decisions", Facts.decision("sql", "d1", at(0).plusSeconds(1), LeadStage.SQL, "c1"));
        record("lead.handoffs", Facts.handoff("sql", "h1", at(0).plusSeconds(2), "d1", "ava", 1));
        record("lead.handoff-outcomes", Facts.outcome("sql", "o1", at(10), "h1", "ava", HandoffOutcomeType.ACCEPTED));
        record("lead.conversions", Facts.conversion("nurtured", "c2", at(1)));
        record("lead.decisions", Facts.decision("nurtured", "d2", at(1), LeadStage.REJECTED, "c2"));
        record("lead.nurture-enrollments", Facts.enrollment("nurtured", "e1", at(2)));
        record("lead.nurture-touches", Facts.touch("nurtured", "t1", at(3)));
        record("lead.conversions.dlq", new DeadLetterFact("lead.conversions.dlq/0@0", null, at(4),
                "lead.conversions.dlq", "lead.conversions", "Cannot deserialize: bad", null, "qualification-service",
                0, 7L));

        FunnelReport funnel = view.funnel(Window.LAST_HOUR, at(20));
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L, 1L, 1L, 0L),
                funnel.steps().stream().map(FunnelReport.Stage::count).toList());
        LatencyReport latency = view.latency(Window.LAST_HOUR, at(20));
        assertEquals(1, latency.count());
        assertEquals(Duration.ofSeconds(2).toMillis(), latency.p99Millis());
        assertEquals(1, view.salesFloor(Map.of(), at(20)).getFirst().accepted());
        assertEquals(4, view.journey("nurtured").orElseThrow().events().size());
        assertEquals(1, view.deadLetters().total());
        assertEquals(9, view.readStats().eventsApplied());
    }

    @Test
    void shouldForgetAnErasedLeadsJourneyAndNotStartItAgainOnItsLaterEvents() {
        record("lead.conversions", Facts.conversion("erased", "c1", at(0)));
        record("lead.decisions", Facts.decision("erased", "d1", at(0).plusSeconds(1), LeadStage.REJECTED, "c1"));
        record("lead.conversions", Facts.conversion("kept", "c2", at(0)));
        record("lead.engagements", new EngagementFact("x1", "erased", at(1), EngagementType.ERASURE_REQUESTED, null, null, null));
        record("lead.nurture-enrollments", Facts.exit("erased", "e1", at(2)));

        assertTrue(view.journey("erased").isEmpty(), "no journey of an erased lead");
        assertEquals(1, view.journey("kept").orElseThrow().events().size());
        assertEquals(2, view.funnel(Window.ALL, at(3)).count(FunnelStep.CAPTURED), "the anonymous counts stay");
    }

    @Test
    void shouldIgnoreARecordReadTwice() {
        record("lead.conversions", Facts.conversion("l1", "c1", at(0)));
        record("lead.conversions", Facts.conversion("l1", "c1", at(0)));

        assertEquals(1, view.funnel(Window.ALL, at(1)).count(FunnelStep.CAPTURED));
        assertEquals(1, view.readStats().duplicatesIgnored());
        assertEquals(2, view.flow(at(0)).getFirst().total(), "both records still count as flow");
    }

    @Test
    void shouldCountUnreadableRecordsInFlowAndHealthOnly() {
        view.recordUnreadable(Facts.origin("lead.conversions", 5, at(0)), "not Avro");

        assertEquals(1, view.readStats().unreadable());
        assertTrue(view.readStats().lastUnreadable().contains("lead.conversions/0@5"));
        assertEquals(0, view.funnel(Window.ALL, at(0)).count(FunnelStep.CAPTURED));
    }

    private void record(String topic, PipelineFact fact) {
        view.record(Facts.origin(topic, 0, fact.at()), fact);
    }
}
