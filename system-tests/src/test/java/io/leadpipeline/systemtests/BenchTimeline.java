package io.leadpipeline.systemtests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Latency samples of one benchmark phase, each with the moment it completed: the whole phase's HdrHistogram (for
 * percentiles and the CDF) and per-second counts and percentiles (for the over-time charts). Thread-safe.
 */
final class BenchTimeline {

    /** Highest latency the histograms track (longer ones are clamped to it): far above anything a phase waits for. */
    private static final long MAX_TRACKED_MICROS = TimeUnit.MINUTES.toMicros(30);

    /** One second of a phase: how many samples completed in it, and their latency percentiles. */
    record Second(int second, long count, double p50Millis, double p99Millis, double maxMillis) {
    }

    /** A phase's latency summary in milliseconds (all NaN when nothing was recorded). */
    record Summary(long count, double p50, double p95, double p99, double max, double mean) {

        static final Summary NONE = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final String name;
    private final long startNanos;
    private final Histogram whole = new Histogram(MAX_TRACKED_MICROS, 3);
    private final List<Histogram> perSecond = new ArrayList<>();
    private long lastNanos;

    BenchTimeline(String name, long startNanos) {
        this.name = name;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    String name() {
        return name;
    }

    /** Records one sample that completed at {@code completedNanos} (System.nanoTime) after {@code latencyNanos}. */
    synchronized void record(long completedNanos, long latencyNanos) {
        long micros = Math.min(MAX_TRACKED_MICROS, Math.max(0, latencyNanos / 1_000));
        whole.recordValue(micros);
        int second = (int) Math.max(0, (completedNanos - startNanos) / 1_000_000_000L);
        while (perSecond.size() <= second) {
            perSecond.add(new Histogram(MAX_TRACKED_MICROS, 2));
        }
        perSecond.get(second).recordValue(micros);
        lastNanos = Math.max(lastNanos, completedNanos);
    }

    synchronized long count() {
        return whole.getTotalCount();
    }

    /** Seconds from the phase's start to its last sample. */
    synchronized double spanSeconds() {
        return (lastNanos - startNanos) / 1e9;
    }

    synchronized Summary summary() {
        if (whole.getTotalCount() == 0) {
            return Summary.NONE;
        }
        return new Summary(whole.getTotalCount(), millis(whole.getValueAtPercentile(50)), millis(whole.getValueAtPercentile(95)),
                millis(whole.getValueAtPercentile(99)), millis(whole.getMaxValue()), whole.getMean() / 1_000);
    }

    synchronized List<Second> seconds() {
        List<Second> seconds = new ArrayList<>();
        for (int i = 0; i < perSecond.size(); i++) {
            Histogram h = perSecond.get(i);
            boolean empty = h.getTotalCount() == 0;
            seconds.add(new Second(i, h.getTotalCount(), empty ? Double.NaN : millis(h.getValueAtPercentile(50)),
                    empty ? Double.NaN : millis(h.getValueAtPercentile(99)), empty ? Double.NaN : millis(h.getMaxValue())));
        }
        return seconds;
    }

    /** The latency distribution as (milliseconds, percentile) points, for a CDF chart. */
    synchronized List<double[]> cdf() {
        List<double[]> points = new ArrayList<>();
        if (whole.getTotalCount() == 0) {
            return points;
        }
        for (var value : whole.percentiles(5)) {
            points.add(new double[] {millis(value.getValueIteratedTo()), value.getPercentileLevelIteratedTo()});
        }
        return points;
    }

    /** The busiest stretch's rate is not the sustained one: the mean rate over the seconds that have samples, first and last left out. */
    synchronized double sustainedPerSecond() {
        long[] counts = perSecond.stream().mapToLong(Histogram::getTotalCount).toArray();
        if (counts.length <= 2) {
            return spanSeconds() > 0 ? whole.getTotalCount() / spanSeconds() : Double.NaN;
        }
        return Arrays.stream(counts, 1, counts.length - 1).average().orElse(Double.NaN);
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }
}
