package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static io.leadpipeline.routing.domain.TestRules.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.AssignmentStrategy;

/**
 * Proves the desk's work per lead does not grow with the queue: with thousands of leads waiting, a new lead and a
 * freed closer cost the same few look-ups as with a handful, the queue still drains oldest first, and a lead from
 * an owned account still reaches its owner past a full pool.
 */
class DeepQueueTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** Counts the queue and case look-ups the desk makes. */
    private static final class CountingState extends ForwardingDeskState {
        int lookups;

        CountingState(DeskState delegate) {
            super(delegate);
        }

        @Override
        public Optional<QueueEntry> nextWaiting(String lane, Optional<QueueEntry> after) {
            lookups++;
            return super.nextWaiting(lane, after);
        }

        @Override
        public Optional<RoutingCase> routingCase(String decisionId) {
            lookups++;
            return super.routingCase(decisionId);
        }
    }

    /** What the desk looked up for one more waiting lead, and for a freed closer, with {@code depth} leads waiting. */
    private record Cost(int toReceive, int toFreeACloser) {
    }

    private static Cost costWith(int depth) {
        CountingState state = new CountingState(new InMemoryDeskState());
        RoutingDesk desk = new RoutingDesk(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1), alwaysOn("ben", 1)), state);
        Handoff toAva = DeskDriver.handoffs(desk.receive("decision-a", "lead-a", lead(null), NOW)).get(0);
        desk.receive("decision-b", "lead-b", lead(null), NOW);
        for (int i = 0; i < depth; i++) {
            desk.receive("waiting-" + i, "lead-" + i, lead(null), NOW.plusMillis(i));
        }

        state.lookups = 0;
        List<Handoff> newcomer = DeskDriver.handoffs(desk.receive("decision-new", "lead-new", lead(null), NOW.plusSeconds(60)));
        int toReceive = state.lookups;
        state.lookups = 0;
        List<Handoff> drained = DeskDriver.handoffs(desk.accept("cmd-1", toAva.handoffId(), NOW.plusSeconds(61)).events());
        int toFreeACloser = state.lookups;

        assertEquals(List.of(), newcomer, "everyone is full: the new lead waits");
        assertEquals(List.of("waiting-0"), drained.stream().map(Handoff::decisionId).toList(), "the oldest waiting lead goes first");
        assertEquals(depth, desk.waitingByPool().get("sales"));
        assertEquals(Optional.of(NOW.plusMillis(1)), desk.oldestWaitingSince());
        return new Cost(toReceive, toFreeACloser);
    }

    @Test
    void shouldCostTheSameLookUpsPerLeadWithTenThousandWaitingAsWithTen() {
        assertEquals(costWith(10), costWith(10_000), "a lead's look-ups do not depend on how many leads wait");
    }

    @Test
    void shouldHandALeadOfAnOwnedAccountToItsOwnerPastAFullPool() {
        RoutingRules rules = TestRules.rules(List.of(alwaysOn("ava", 5), alwaysOn("ben", 1)),
                List.of(TestRules.pool("enterprise", PoolStrategy.ROUND_ROBIN, "ava"), TestRules.pool("sales", PoolStrategy.ROUND_ROBIN, "ben")),
                List.of(new Rule("big", new RuleConditions(Set.of(), 1000, null, Set.of(), Set.of(), Set.of()), "enterprise"),
                        TestRules.catchAll("sales")));
        DeskDriver driver = new DeskDriver(rules);
        LeadFacts bigAcme = new LeadFacts("US", 5000, "software", null, null, "acme.example");
        Handoff acmeFirst = driver.send(bigAcme, NOW).get(0);
        driver.desk.accept("cmd-1", acmeFirst.handoffId(), NOW);
        driver.send(lead(null), NOW); // ben is full
        driver.send(lead(null), NOW.plusSeconds(1)); // waits for ben

        List<Handoff> smallAcme = driver.send(lead("acme.example"), NOW.plusSeconds(2));

        assertEquals(List.of("ava"), smallAcme.stream().map(Handoff::closerId).toList(), "the account's owner takes it, though sales is full");
        assertEquals(AssignmentStrategy.ACCOUNT_OWNER, smallAcme.get(0).strategy());
        assertEquals(1, driver.desk.waitingByPool().get("sales"), "the older plain lead still waits for ben");
    }
}
