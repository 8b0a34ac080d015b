package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.lead;
import static io.leadpipeline.routing.domain.TestRules.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Proves a WEIGHTED pool gives each closer a share proportional to their weight: after any number of leads N,
 * each closer's count is within ±1 lead of N × weight / total weight (the stated tolerance).
 */
class WeightedTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Map<String, Integer> WEIGHTS = Map.of("ava", 3, "ben", 2, "chen", 1);

    @Test
    void shouldKeepEveryClosersShareWithinOneLeadOfTheirWeight() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.WEIGHTED, weighted("ava", 3), weighted("ben", 2), weighted("chen", 1)));
        Map<String, Integer> counts = new HashMap<>();

        for (int n = 1; n <= 600; n++) {
            driver.send(lead(null), NOW).forEach(handoff -> counts.merge(handoff.closerId(), 1, Integer::sum));
            for (var closer : WEIGHTS.entrySet()) {
                double ideal = n * closer.getValue() / 6.0;
                int actual = counts.getOrDefault(closer.getKey(), 0);
                assertTrue(Math.abs(actual - ideal) <= 1.0, "after " + n + " leads " + closer.getKey() + " has " + actual + ", ideal " + ideal);
            }
        }

        assertEquals(Map.of("ava", 300, "ben", 200, "chen", 100), counts);
    }

    @Test
    void shouldShareAmongTheEligibleWhenACloserIsAway() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.WEIGHTED, weighted("ava", 3), weighted("ben", 2), weighted("chen", 1)));
        driver.desk.changeAvailability("ava", new Availability(false, null, "c1", NOW), NOW);
        Map<String, Integer> counts = new HashMap<>();

        for (int n = 0; n < 30; n++) {
            driver.send(lead(null), NOW).forEach(handoff -> counts.merge(handoff.closerId(), 1, Integer::sum));
        }

        assertEquals(Map.of("ben", 20, "chen", 10), counts);
    }
}
