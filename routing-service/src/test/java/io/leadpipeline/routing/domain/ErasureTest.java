package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static io.leadpipeline.routing.domain.TestRules.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Proves the desk forgets an erased lead: out of the queue, its closer's capacity back, its cases and handoffs gone. */
class ErasureTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void shouldTakeAWaitingLeadOutOfTheQueueSoItIsNeverHandedOff() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1)));
        Handoff first = driver.send(lead("acme.example"), NOW).get(0);
        assertTrue(driver.send(lead("initech.example"), NOW).isEmpty(), "ava is full: lead-2 waits");

        RoutingDesk.Erasure erasure = driver.desk.erase("lead-2", NOW);
        List<DeskEvent> afterAccept = driver.desk.accept("cmd-1", first.handoffId(), NOW).events();

        assertEquals(List.of("decision-2"), erasure.decisionIds());
        assertTrue(DeskDriver.handoffs(afterAccept).isEmpty(), "the erased lead is not handed off when ava frees up");
        assertEquals(0, driver.state.waitingCount(QueueLanes.pool("sales")));
        assertFalse(driver.state.remembers("lead-2"));
    }

    @Test
    void shouldGiveTheCloserBackTheCapacityOfAnOpenHandoffAndPlaceTheNextWaitingLead() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1)));
        Handoff erased = driver.send(lead("acme.example"), NOW).get(0);
        driver.send(lead("initech.example"), NOW);

        RoutingDesk.Erasure erasure = driver.desk.erase(erased.leadId(), NOW);

        List<Handoff> placed = DeskDriver.handoffs(erasure.events());
        assertEquals(1, placed.size());
        assertEquals("lead-2", placed.get(0).leadId(), "ava's freed slot goes to the lead that waited");
        assertTrue(DeskDriver.outcomes(erasure.events()).isEmpty(), "no outcome is reported for a lead that is gone");
        assertEquals(1, driver.state.openHandoffs("ava"));
        assertEquals(Optional.empty(), driver.state.handoff(erased.handoffId()));
        assertFalse(driver.state.remembers(erased.leadId()));
    }

    @Test
    void shouldForgetAnAccountOwnerOnlyWhenItWasLearnedFromTheErasedLead() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 10), alwaysOn("ben", 10)));
        Handoff taught = driver.send(lead("acme.example"), NOW).get(0); // lead-1, ava
        driver.desk.accept("cmd-1", taught.handoffId(), NOW);
        Handoff sameCompany = driver.send(lead("acme.example"), NOW).get(0); // lead-2, to the owner ava
        driver.desk.accept("cmd-2", sameCompany.handoffId(), NOW);

        driver.desk.erase("lead-2", NOW);
        assertEquals(Optional.of("ava"), driver.state.ownerOf("acme.example"), "lead-2 did not teach the owner");

        driver.desk.erase("lead-1", NOW);
        assertEquals(Optional.empty(), driver.state.ownerOf("acme.example"), "the owner lead-1 taught is forgotten");
    }

    @Test
    void shouldChangeNothingForAnUnknownLeadOrASecondErasure() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1)));
        Handoff handoff = driver.send(lead("acme.example"), NOW).get(0);

        assertEquals(new RoutingDesk.Erasure(List.of(), List.of()), driver.desk.erase("someone-else", NOW));
        assertEquals(1, driver.state.openHandoffs("ava"));
        driver.desk.erase(handoff.leadId(), NOW);
        assertEquals(new RoutingDesk.Erasure(List.of(), List.of()), driver.desk.erase(handoff.leadId(), NOW));
        assertEquals(0, driver.state.openHandoffs("ava"));
    }
}
