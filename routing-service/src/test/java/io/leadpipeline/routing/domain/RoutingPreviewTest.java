package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Proves the routing preview counts how rules would spread leads over rules, pools and closers, against capacity. */
class RoutingPreviewTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void shouldSpreadTheLeadsAsTheDeskWouldAndShowWhoHitTheirCapacity() {
        List<RoutingPreview.Lead> leads = List.of(lead(1), lead(2), lead(3));
        RoutingRules alone = TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1));
        RoutingRules pair = TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1), alwaysOn("ben", 1));

        RoutingPreview.Spread current = RoutingPreview.of(alone, leads);
        RoutingPreview.Spread candidate = RoutingPreview.of(pair, leads);

        assertEquals(List.of(3, 1, 2), List.of(current.leads(), current.handedOff(), current.waiting()));
        assertEquals(new RoutingPreview.CloserLoad(1, 1, 1, true), current.byCloser().get("ava"));
        assertEquals(List.of(2, 1), List.of(candidate.handedOff(), candidate.waiting()));
        assertEquals(Map.of("sales", 2), candidate.byPool());
        assertEquals(Map.of("catch-all", 3), candidate.byRule());
        assertEquals(new RoutingPreview.CloserLoad(1, 1, 1, true), candidate.byCloser().get("ben"));
        assertEquals(new RoutingPreview.CloserLoad(0, 0, 1000, false), candidate.byCloser().get("manager"));
    }

    private static RoutingPreview.Lead lead(int n) {
        return new RoutingPreview.Lead("decision-" + n, "lead-" + n, TestRules.lead("company" + n + ".example"), T0.plusSeconds(n));
    }
}
