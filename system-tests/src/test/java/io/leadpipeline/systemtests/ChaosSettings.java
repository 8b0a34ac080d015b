package io.leadpipeline.systemtests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one crash run does, from system properties (so {@code ./pipeline chaos} and the suite share one harness):
 * {@code chaos.seeds} (comma-separated), {@code chaos.conversions}, {@code chaos.rate} (leads per second),
 * {@code chaos.full} (also a clean broker stop and a second round of kills), {@code chaos.drain} (seconds).
 */
record ChaosSettings(List<Long> seeds, int conversions, int ratePerSecond, boolean full, Duration drainTimeout) {

    /** The suite's short run: a few hundred leads, one kill per service, one broker kill, one registry restart. */
    static ChaosSettings fromSystemProperties() {
        List<Long> seeds = Arrays.stream(System.getProperty("chaos.seeds", "1").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
        return new ChaosSettings(seeds,
                Integer.getInteger("chaos.conversions", 240),
                Integer.getInteger("chaos.rate", 6),
                Boolean.parseBoolean(System.getProperty("chaos.full", "false")),
                Duration.ofSeconds(Integer.getInteger("chaos.drain", 600)));
    }

    Duration loadDuration() {
        return Duration.ofMillis(conversions * 1000L / Math.max(1, ratePerSecond));
    }

    String describe() {
        return "seeds " + seeds + ", " + conversions + " leads at " + ratePerSecond + "/s" + (full ? ", full fault set" : ", short fault set");
    }
}
