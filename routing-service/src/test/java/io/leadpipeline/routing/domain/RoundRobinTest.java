package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static io.leadpipeline.routing.domain.TestRules.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.AssignmentStrategy;

/** Proves a ROUND_ROBIN pool hands leads out in turn, evenly (within ±1), and a skipped closer keeps their turn. */
class RoundRobinTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void shouldDistributeLeadsEvenlyWithinOne() {
        for (int leads : List.of(1, 2, 3, 10, 100, 101)) {
            DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1000), alwaysOn("ben", 1000),
                    alwaysOn("chen", 1000)));
            List<String> closers = new ArrayList<>();
            for (int i = 0; i < leads; i++) {
                driver.send(lead(null), NOW).forEach(handoff -> closers.add(handoff.closerId()));
            }
            Map<String, Long> counts = closers.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            long min = counts.size() < 3 ? 0 : counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
            assertEquals(leads, closers.size(), "every lead handed off");
            assertTrue(max - min <= 1, leads + " leads: " + counts);
        }
    }

    @Test
    void shouldGiveEachCloserATurnInConfiguredOrder() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 10), alwaysOn("ben", 10)));

        List<String> closers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            driver.send(lead(null), NOW).forEach(handoff -> {
                closers.add(handoff.closerId());
                assertEquals(AssignmentStrategy.ROUND_ROBIN, handoff.strategy());
            });
        }

        assertEquals(List.of("ava", "ben", "ava", "ben", "ava"), closers);
    }

    @Test
    void shouldGiveASkippedCloserTheNextLeadOnceTheyAreBack() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 10), alwaysOn("ben", 10),
                alwaysOn("chen", 10)));
        driver.desk.changeAvailability("ava", new Availability(true, NOW.plusSeconds(3600), "c1", NOW), NOW);

        List<String> whileAway = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            driver.send(lead(null), NOW).forEach(handoff -> whileAway.add(handoff.closerId()));
        }
        Instant back = NOW.plusSeconds(3601);
        String next = driver.send(lead(null), back).get(0).closerId();

        assertEquals(List.of("ben", "chen", "ben"), whileAway);
        assertEquals("ava", next, "ava kept her place at the front of the rotation");
    }
}
