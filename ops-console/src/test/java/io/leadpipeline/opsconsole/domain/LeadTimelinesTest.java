package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;

/** Proves a lead's timeline is complete, chronological, readable and bounded. */
class LeadTimelinesTest {

    @Test
    void shouldOrderEveryEventOfALeadByEventTimeWhateverTheReadOrder() {
        LeadTimelines timelines = new LeadTimelines(10, 100);
        add(timelines, "lead.handoff-outcomes", Facts.outcome("l1", "o1", at(30), "h1", "ava", HandoffOutcomeType.ACCEPTED));
        add(timelines, "lead.handoffs", Facts.handoff("l1", "h1", at(3), "d1", "ava", 1));
        add(timelines, "lead.decisions", Facts.decision("l1", "d1", at(1), LeadStage.SQL, "c1"));
        add(timelines, "lead.conversions", Facts.conversion("l1", "c1", at(0)));

        LeadJourney journey = timelines.journey("l1").orElseThrow();
        assertEquals(List.of("ConversionCaptured", "QualificationDecided", "LeadHandedOff", "HandoffOutcomeRecorded"),
                journey.events().stream().map(TimelineEntry::event).toList());
        assertEquals(LeadStage.SQL, journey.stage());
        assertFalse(journey.truncated());
    }

    @Test
    void shouldDescribeDecisionsWithTheirReasonsAndHandoffsWithTheirCloser() {
        LeadTimelines timelines = new LeadTimelines(10, 100);
        add(timelines, "lead.decisions", Facts.decision("l1", "d1", at(1), LeadStage.REJECTED, "c1"));
        add(timelines, "lead.handoffs", Facts.handoff("l1", "h1", at(3), "d1", "ava", 2));

        List<TimelineEntry> events = timelines.journey("l1").orElseThrow().events();
        assertEquals("Decided REJECTED (LOW_SCORE)", events.get(0).summary());
        assertEquals(List.of(new ScoreLine("intent.demo", 40, "Asked for a demo")), events.get(0).reasons());
        assertEquals("40 (fit 30, engagement 10)", events.get(0).details().get("score"));
        assertEquals("Handed off to Closer ava (attempt 2)", events.get(1).summary());
        assertEquals("default", events.get(1).details().get("pool"));
    }

    @Test
    void shouldKeepTheNewestEventsOfTheMostRecentLeadsOnly() {
        LeadTimelines timelines = new LeadTimelines(2, 2);
        add(timelines, "lead.conversions", Facts.conversion("l1", "c1", at(0)));
        add(timelines, "lead.conversions", Facts.conversion("l2", "c2", at(1)));
        add(timelines, "lead.conversions", Facts.conversion("l2", "c3", at(2)));
        add(timelines, "lead.conversions", Facts.conversion("l2", "c4", at(3)));
        add(timelines, "lead.conversions", Facts.conversion("l3", "c5", at(4)));

        assertTrue(timelines.journey("l1").isEmpty(), "the least recently active lead is forgotten");
        LeadJourney l2 = timelines.journey("l2").orElseThrow();
        assertEquals(List.of("c3", "c4"), l2.events().stream().map(TimelineEntry::eventId).toList());
        assertTrue(l2.truncated());
    }

    @Test
    void shouldNotListTheSameEventTwice() {
        LeadTimelines timelines = new LeadTimelines(10, 100);
        add(timelines, "lead.conversions", Facts.conversion("l1", "c1", at(0)));
        add(timelines, "lead.conversions", Facts.conversion("l1", "c1", at(0)));

        assertEquals(1, timelines.journey("l1").orElseThrow().events().size());
    }

    private static void add(LeadTimelines timelines, String topic, PipelineFact fact) {
        timelines.add(fact.leadId(), TimelineEntries.of(Facts.origin(topic, 0, fact.at()), fact));
    }
}
