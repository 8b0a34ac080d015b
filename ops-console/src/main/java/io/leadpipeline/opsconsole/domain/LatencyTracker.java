package io.leadpipeline.opsconsole.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the most recently measured capture→handoff latency samples (at most {@code maxSamples}) and reports
 * percentiles over a window; the window "all" covers the samples kept.
 */
public final class LatencyTracker {

    /** Buckets in the latency-over-time series: enough for a readable line, few enough to keep each one meaningful. */
    public static final int SERIES_BUCKETS = 24;

    private final int maxSamples;
    private final Deque<LatencySample> samples = new ArrayDeque<>();

    public LatencyTracker(int maxSamples) {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be at least 1");
        }
        this.maxSamples = maxSamples;
    }

    public void add(LatencySample sample) {
        samples.addLast(sample);
        while (samples.size() > maxSamples) {
            samples.removeFirst();
        }
    }

    public LatencyReport report(Window window, Instant now) {
        List<LatencySample> inWindow = samples.stream()
                .filter(sample -> window.contains(sample.handedOffAt(), now))
                .toList();
        Percentiles all = percentiles(inWindow);
        return new LatencyReport(window.code(), all.count(), all.percentile(50), all.percentile(95),
                all.percentile(99), all.max(), series(inWindow, window, now));
    }

    private static List<LatencyReport.Bucket> series(List<LatencySample> inWindow, Window window, Instant now) {
        Instant from = window == Window.ALL
                ? inWindow.stream().map(LatencySample::handedOffAt).min(Instant::compareTo).orElse(now)
                : window.start(now);
        Instant to = now.isAfter(from) ? now : from.plusMillis(1);
        long span = Duration.between(from, to).toMillis();
        long step = Math.max(1, (span + SERIES_BUCKETS - 1) / SERIES_BUCKETS);
        List<List<LatencySample>> buckets = new ArrayList<>();
        for (int i = 0; i < SERIES_BUCKETS; i++) {
            buckets.add(new ArrayList<>());
        }
        for (LatencySample sample : inWindow) {
            long offset = Duration.between(from, sample.handedOffAt()).toMillis();
            int index = (int) Math.min(SERIES_BUCKETS - 1, Math.max(0, offset / step));
            buckets.get(index).add(sample);
        }
        List<LatencyReport.Bucket> series = new ArrayList<>();
        for (int i = 0; i < SERIES_BUCKETS; i++) {
            Percentiles bucket = percentiles(buckets.get(i));
            series.add(new LatencyReport.Bucket(from.plusMillis(i * step), from.plusMillis((i + 1) * step),
                    bucket.count(), bucket.percentile(50), bucket.percentile(95)));
        }
        return series;
    }

    private static Percentiles percentiles(List<LatencySample> samples) {
        return new Percentiles(samples.stream().mapToLong(sample -> sample.latency().toMillis()).toArray());
    }
}
