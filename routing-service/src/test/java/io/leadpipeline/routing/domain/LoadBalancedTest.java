package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static io.leadpipeline.routing.domain.TestRules.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Proves a LOAD_BALANCED pool gives each lead to the closer with the fewest open handoffs and never exceeds capacity. */
class LoadBalancedTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void shouldPickTheCloserWithFewestOpenHandoffsBreakingTiesInTurn() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.LOAD_BALANCED, alwaysOn("ava", 10), alwaysOn("ben", 10)));
        Handoff first = driver.send(lead(null), NOW).get(0);
        Handoff second = driver.send(lead(null), NOW).get(0);
        driver.desk.accept("cmd-1", first.handoffId(), NOW); // ava is down to 0 open, ben has 1

        Handoff third = driver.send(lead(null), NOW).get(0);
        Handoff fourth = driver.send(lead(null), NOW).get(0);

        // third: ava has 0 open, ben 1; fourth: both have 1, and ben was assigned less recently
        assertEquals(List.of("ava", "ben", "ava", "ben"),
                List.of(first.closerId(), second.closerId(), third.closerId(), fourth.closerId()));
    }

    @Test
    void shouldNeverHandACloserMoreThanTheirCapacity() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.LOAD_BALANCED, alwaysOn("ava", 2), alwaysOn("ben", 3)));
        List<Handoff> handed = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            handed.addAll(driver.send(lead(null), NOW));
            assertTrue(driver.state.openHandoffs("ava") <= 2 && driver.state.openHandoffs("ben") <= 3);
        }

        assertEquals(5, handed.size(), "only as many handoffs as the pool's capacity");
        assertEquals(2, driver.state.openHandoffs("ava"));
        assertEquals(3, driver.state.openHandoffs("ben"));
        assertEquals(Map.of("sales", 3, "escalation", 0), driver.desk.waitingByPool(), "the rest wait in the queue");
    }
}
