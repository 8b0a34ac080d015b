package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Proves latency percentiles over a window, the series for the chart, and the cap on samples kept. */
class LatencyTrackerTest {

    @Test
    void shouldReportPercentilesOfTheSamplesHandedOffInsideTheWindow() {
        LatencyTracker tracker = new LatencyTracker(1000);
        tracker.add(new LatencySample("old", at(0), Duration.ofSeconds(500)));
        for (int i = 1; i <= 100; i++) {
            tracker.add(new LatencySample("lead-" + i, at(200), Duration.ofMillis(i * 10L)));
        }

        LatencyReport lastHour = tracker.report(Window.LAST_HOUR, at(230));
        assertEquals(100, lastHour.count());
        assertEquals(500L, lastHour.p50Millis());
        assertEquals(950L, lastHour.p95Millis());
        assertEquals(990L, lastHour.p99Millis());
        assertEquals(1000L, lastHour.maxMillis());

        LatencyReport all = tracker.report(Window.ALL, at(230));
        assertEquals(101, all.count());
        assertEquals(500_000L, all.maxMillis());
    }

    @Test
    void shouldSplitTheWindowIntoBucketsForTheChart() {
        LatencyTracker tracker = new LatencyTracker(1000);
        tracker.add(new LatencySample("a", at(0).plusSeconds(30), Duration.ofMillis(100)));
        tracker.add(new LatencySample("b", at(57).plusSeconds(30), Duration.ofMillis(700)));

        LatencyReport report = tracker.report(Window.LAST_HOUR, at(60));
        assertEquals(LatencyTracker.SERIES_BUCKETS, report.series().size());
        assertEquals(at(0), report.series().getFirst().from());
        assertEquals(100L, report.series().getFirst().p50Millis());
        assertEquals(700L, report.series().getLast().p95Millis());
        assertNull(report.series().get(10).p50Millis(), "an empty bucket has no percentile");
        assertEquals(2, report.series().stream().mapToInt(LatencyReport.Bucket::count).sum());
    }

    @Test
    void shouldKeepOnlyTheMostRecentSamples() {
        LatencyTracker tracker = new LatencyTracker(2);
        tracker.add(new LatencySample("a", at(0), Duration.ofMillis(1)));
        tracker.add(new LatencySample("b", at(1), Duration.ofMillis(2)));
        tracker.add(new LatencySample("c", at(2), Duration.ofMillis(3)));

        LatencyReport report = tracker.report(Window.ALL, at(3));
        assertEquals(2, report.count());
        assertEquals(2L, report.p50Millis());
    }
}
