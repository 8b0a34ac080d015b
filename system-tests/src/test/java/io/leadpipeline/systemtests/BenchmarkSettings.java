package io.leadpipeline.systemtests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from system properties (so {@code ./pipeline bench} and the suite's smoke share one
 * harness): {@code bench.connections}, {@code bench.load-threads}, {@code bench.warmup} and {@code bench.throughput}
 * (seconds), {@code bench.producer-records}, {@code bench.rates} (comma-separated leads/s), {@code bench.speed}
 * (seconds per rate), {@code bench.deep-queue}, {@code bench.deep-queue-capacity}, {@code bench.drain-limit} (seconds),
 * {@code bench.backlog}. A size of 0 leaves its part out. {@code bench.quick=true} gives short defaults; {@code bench.jfr}
 * (default false: a recording's buffers add to the footprint measured) records every service with Java Flight Recorder's
 * low-overhead default settings, to find what limits it;
 * {@code bench.scale-out} (default true) drains the backlog a second time with two instances of qualification and nurture.
 */
record BenchmarkSettings(int connections, int loadThreads, Duration warmup, Duration throughputDuration, long producerRecords,
        List<Integer> speedRates, Duration speedDuration, int deepQueueDecisions, int deepQueueCloserCapacity,
        Duration drainLimit, int backlogConversions, boolean captureAlone, boolean flightRecordings, boolean scaleOut) {

    /** Capacity per closer where closers must never be the limit (speed-to-lead and the backlog): more than a run hands off. */
    static final int UNCAPPED_CLOSER_CAPACITY = 1_000_000;

    /** The full run of {@code ./pipeline bench}, or its {@code --quick} version. */
    static BenchmarkSettings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new BenchmarkSettings(
                Integer.getInteger("bench.connections", 64),
                Integer.getInteger("bench.load-threads", 2),
                Duration.ofSeconds(Integer.getInteger("bench.warmup", quick ? 5 : 10)),
                Duration.ofSeconds(Integer.getInteger("bench.throughput", quick ? 10 : 30)),
                Long.getLong("bench.producer-records", quick ? 500_000 : 2_000_000),
                Arrays.stream(System.getProperty("bench.rates", "100,500,1000").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList(),
                Duration.ofSeconds(Integer.getInteger("bench.speed", quick ? 10 : 30)),
                Integer.getInteger("bench.deep-queue", quick ? 20_000 : 100_000),
                Integer.getInteger("bench.deep-queue-capacity", 1_000),
                Duration.ofSeconds(Integer.getInteger("bench.drain-limit", quick ? 30 : 120)),
                Integer.getInteger("bench.backlog", quick ? 20_000 : 100_000),
                true, Boolean.getBoolean("bench.jfr"),
                Boolean.parseBoolean(System.getProperty("bench.scale-out", "true")));
    }

    /**
     * The suite's smoke run on the shared pipeline: every part that can run there with a few hundred leads, closers
     * answering every handoff so the shared closers end as they began. Capture alone and the backlog drain need
     * services started on their own and are left out; the deep queue starts its own small pipeline.
     */
    static BenchmarkSettings smoke() {
        // 600 decisions against 150 open handoffs: enough for a queue, few enough that the closers' answers (about 50/s
        // on the suite's cold pipeline, see docs/benchmarks.md) drain it in seconds.
        return new BenchmarkSettings(16, 1, Duration.ZERO, Duration.ofSeconds(2), 5_000, List.of(20), Duration.ofSeconds(5),
                600, 50, Duration.ofSeconds(60), 0, false, false, false);
    }

    String describe() {
        return "%d connections on %d load-generator threads, %s warm-up + %s per capture run, %,d ProducerPerformance records; "
                .formatted(connections, loadThreads, seconds(warmup), seconds(throughputDuration), producerRecords)
                + "speed-to-lead at %s leads/s for %s each; deep queue %,d decisions (closer capacity %,d, drain limit %s); backlog %,d conversions%s"
                        .formatted(speedRates, seconds(speedDuration), deepQueueDecisions, deepQueueCloserCapacity, seconds(drainLimit),
                                backlogConversions, scaleOut && backlogConversions > 0 ? ", with one and with two instances" : "");
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
