package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static io.leadpipeline.routing.domain.TestRules.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.HandoffRejectionReason;

/**
 * Proves no lead is dropped: when everyone is full, away or inactive, leads wait in their pool's queue (visible in
 * its size and wait time) and are handed out oldest first as soon as someone can take them.
 */
class QueueingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1), alwaysOn("ben", 1)));

    @Test
    void shouldQueueWhenEveryoneIsFullAndDrainOldestFirstWhenCapacityFrees() {
        Handoff first = driver.send(lead(null), NOW).get(0);
        Handoff second = driver.send(lead(null), NOW).get(0);
        List<Handoff> third = driver.send(lead(null), NOW.plusSeconds(1));
        List<Handoff> fourth = driver.send(lead(null), NOW.plusSeconds(2));

        assertEquals(List.of(), third);
        assertEquals(List.of(), fourth);
        assertEquals(2, driver.desk.waitingByPool().get("sales"));
        assertEquals(Optional.of(NOW.plusSeconds(1)), driver.desk.oldestWaitingSince());

        RoutingDesk.Answer accepted = driver.desk.accept("cmd-1", first.handoffId(), NOW.plusSeconds(60));
        List<Handoff> drained = DeskDriver.handoffs(accepted.events());
        RoutingDesk.Answer rejected = driver.desk.reject("cmd-2", second.handoffId(), HandoffRejectionReason.NO_BUDGET, null, NOW.plusSeconds(90));
        List<Handoff> drainedNext = DeskDriver.handoffs(rejected.events());

        assertEquals(List.of("decision-3"), drained.stream().map(Handoff::decisionId).toList(), "oldest waiting lead first");
        assertEquals("ava", drained.get(0).closerId(), "to the closer whose capacity freed");
        assertEquals(List.of("decision-4"), drainedNext.stream().map(Handoff::decisionId).toList());
        assertEquals("ben", drainedNext.get(0).closerId());
        assertEquals(0, driver.desk.waitingByPool().get("sales"));
    }

    @Test
    void shouldReportHowLongALeadWaited() {
        Handoff first = driver.send(lead(null), NOW).get(0);
        driver.send(lead(null), NOW);
        driver.send(lead(null), NOW.plusSeconds(10));

        List<DeskEvent> events = driver.desk.accept("cmd-1", first.handoffId(), NOW.plusSeconds(70)).events();

        DeskEvent.HandedOff handedOff = (DeskEvent.HandedOff) events.stream().filter(DeskEvent.HandedOff.class::isInstance).findFirst().orElseThrow();
        assertEquals(Duration.ofSeconds(60), handedOff.waited());
    }

    @Test
    void shouldNotLetANewLeadOvertakeAWaitingOne() {
        driver.desk.changeAvailability("ava", new Availability(false, null, "c1", NOW), NOW);
        driver.desk.changeAvailability("ben", new Availability(false, null, "c2", NOW), NOW);
        driver.send(lead(null), NOW);
        driver.desk.changeAvailability("ava", new Availability(true, null, "c3", NOW), NOW.plusSeconds(5));

        List<Handoff> afterReturn = DeskDriver.handoffs(driver.desk.changeAvailability("ben", new Availability(true, null, "c4", NOW),
                NOW.plusSeconds(6)));
        List<Handoff> newcomer = driver.send(lead(null), NOW.plusSeconds(7));

        assertEquals(List.of(), afterReturn, "the waiting lead already went to ava when she came back");
        assertEquals(List.of("decision-2"), newcomer.stream().map(Handoff::decisionId).toList());
        assertEquals(Map.of("sales", 0, "escalation", 0), driver.desk.waitingByPool());
    }

    @Test
    void shouldHandOutWaitingLeadsWhenOutOfOfficeEnds() {
        driver.desk.changeAvailability("ava", new Availability(true, NOW.plusSeconds(600), "c1", NOW), NOW);
        driver.desk.changeAvailability("ben", new Availability(true, NOW.plusSeconds(900), "c2", NOW), NOW);

        List<Handoff> meanwhile = driver.send(lead(null), NOW);
        List<Handoff> early = DeskDriver.handoffs(driver.desk.tick(NOW.plusSeconds(599)));
        List<Handoff> back = DeskDriver.handoffs(driver.desk.tick(NOW.plusSeconds(600)));

        assertEquals(List.of(), meanwhile);
        assertEquals(List.of(), early);
        assertEquals(List.of("ava"), back.stream().map(Handoff::closerId).toList());
    }

    @Test
    void shouldHandOutARedeliveredDecisionOnlyOnce() {
        List<Handoff> first = DeskDriver.handoffs(driver.desk.receive("decision-x", "lead-x", lead(null), NOW));
        List<Handoff> again = DeskDriver.handoffs(driver.desk.receive("decision-x", "lead-x", lead(null), NOW));

        assertEquals(1, first.size());
        assertEquals(List.of(), again);
        assertEquals(1, driver.state.openHandoffs("ava") + driver.state.openHandoffs("ben"));
    }
}
