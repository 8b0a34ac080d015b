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
    void shouldChangeNothingButRememberTheErasureForAnUnknownLeadAndIgnoreASecondErasure() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1)));
        Handoff handoff = driver.send(lead("acme.example"), NOW).get(0);

        RoutingDesk.Erasure unknown = driver.desk.erase("someone-else", NOW);
        assertEquals(new RoutingDesk.Erasure(List.of(), List.of(new DeskEvent.LeadErased("someone-else", List.of(), NOW))), unknown);
        assertEquals(Optional.of(NOW), driver.state.erasedAt("someone-else"), "only its id and erasure time are kept");
        assertEquals(1, driver.state.openHandoffs("ava"));
        RoutingDesk.Erasure first = driver.desk.erase(handoff.leadId(), NOW);
        assertEquals(List.of(new DeskEvent.LeadErased(handoff.leadId(), List.of("decision-1"), NOW)), first.events());
        assertEquals(new RoutingDesk.Erasure(List.of(), List.of()), driver.desk.erase(handoff.leadId(), NOW), "a redelivery");
        assertEquals(new RoutingDesk.Erasure(List.of(), List.of()), driver.desk.erase(handoff.leadId(), NOW.minusSeconds(1)),
                "an older erasure is covered by the later one");
        assertEquals(Optional.of(NOW), driver.state.erasedAt(handoff.leadId()));
        assertEquals(0, driver.state.openHandoffs("ava"));
    }

    @Test
    void shouldNotRouteADecisionMadeBeforeTheErasureWhenItIsReadAfterIt() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 10)));
        Instant erasedAt = NOW.plusSeconds(60);
        driver.desk.erase("lead-9", erasedAt, erasedAt);

        Instant readLater = NOW.plusSeconds(3600);
        assertTrue(driver.desk.receive("decision-before", "lead-9", lead("acme.example"), NOW, readLater).isEmpty());
        assertTrue(driver.desk.receive("decision-at", "lead-9", lead("acme.example"), erasedAt, readLater).isEmpty(),
                "at the erasure's own time counts as before it, as in qualification");

        assertFalse(driver.desk.hasSeen("decision-before"));
        assertFalse(driver.state.remembers("lead-9"), "no case, no handoff, no index for the erased lead");
        assertEquals(0, driver.state.openHandoffs("ava"));
        assertEquals(0, driver.state.waitingCount(QueueLanes.pool("sales")));
    }

    @Test
    void shouldRouteADecisionMadeAfterTheErasureAsANewLead() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 10)));
        Handoff before = driver.send(lead("acme.example"), NOW).get(0); // lead-1
        Instant erasedAt = NOW.plusSeconds(60);
        driver.desk.erase(before.leadId(), erasedAt, erasedAt);

        List<Handoff> fresh = DeskDriver.handoffs(driver.desk.receive("decision-fresh-opt-in", before.leadId(), lead("acme.example"),
                erasedAt.plusMillis(1), erasedAt.plusSeconds(5)));

        assertEquals(1, fresh.size(), "a fresh opt-in after the erasure starts a new lead");
        assertEquals("decision-fresh-opt-in", fresh.get(0).decisionId());
        assertEquals(Optional.empty(), driver.state.handoff(before.handoffId()), "nothing of the erased lifecycle comes back");
        assertEquals(new LeadCases(List.of("decision-fresh-opt-in")), driver.state.leadCases(before.leadId()).orElseThrow());

        RoutingDesk.Erasure again = driver.desk.erase(before.leadId(), erasedAt.plusSeconds(600), erasedAt.plusSeconds(600));
        assertEquals(List.of("decision-fresh-opt-in"), again.decisionIds(), "a later erasure erases the new lifecycle too");
    }
}
