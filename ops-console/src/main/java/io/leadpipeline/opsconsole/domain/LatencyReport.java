package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.List;

/**
 * Capture→handoff latency over a window, in milliseconds (null when nothing was measured), and the same split
 * into equal time buckets for a chart of latency over time.
 */
public record LatencyReport(String window, int count, Long p50Millis, Long p95Millis, Long p99Millis,
        Long maxMillis, List<Bucket> series) {

    /** One slice of the window: samples handed off in [from, to) and their p50 / p95 (null when empty). */
    public record Bucket(Instant from, Instant to, int count, Long p50Millis, Long p95Millis) {
    }
}
