package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counts leads per funnel step in per-minute buckets (kept for {@link Window#RETENTION}) plus all-time totals, so
 * memory does not grow with the number of leads. A lead's milestone can move to an earlier minute when an earlier
 * event is read late (topics are read in no particular order relative to each other): the count moves with it.
 */
public final class FunnelCounter {

    private static final int STEPS = FunnelStep.values().length;
    private static final long MINUTE_MILLIS = 60_000;

    private final long[] totals = new long[STEPS];
    private final NavigableMap<Long, long[]> byMinute = new TreeMap<>();

    /** Applies the change of one lead's milestones (either map may lack a step the lead has not reached). */
    public void update(Map<FunnelStep, Instant> before, Map<FunnelStep, Instant> after) {
        for (FunnelStep step : FunnelStep.values()) {
            Instant was = before.get(step);
            Instant now = after.get(step);
            if (was != null && was.equals(now)) {
                continue;
            }
            if (was != null) {
                add(step, was, -1);
            }
            if (now != null) {
                add(step, now, +1);
            }
        }
    }

    public FunnelReport report(Window window, Instant now) {
        prune(now);
        long[] counts = new long[STEPS];
        if (window == Window.ALL) {
            System.arraycopy(totals, 0, counts, 0, STEPS);
        } else {
            long fromMinute = minuteOf(window.start(now));
            for (long[] bucket : byMinute.tailMap(fromMinute, true).values()) {
                for (int i = 0; i < STEPS; i++) {
                    counts[i] += bucket[i];
                }
            }
        }
        List<FunnelReport.Stage> stages = new ArrayList<>();
        for (FunnelStep step : FunnelStep.values()) {
            long count = counts[step.ordinal()];
            FunnelStep after = step.after();
            Double rate = null;
            if (after != null && counts[after.ordinal()] > 0) {
                rate = (double) count / counts[after.ordinal()];
            }
            stages.add(new FunnelReport.Stage(step, step.label(), count, after, rate));
        }
        return new FunnelReport(window.code(), window == Window.ALL ? null : window.start(now), now, stages);
    }

    public Map<FunnelStep, Long> totals() {
        Map<FunnelStep, Long> result = new EnumMap<>(FunnelStep.class);
        for (FunnelStep step : FunnelStep.values()) {
            result.put(step, totals[step.ordinal()]);
        }
        return result;
    }

    private void add(FunnelStep step, Instant at, int delta) {
        totals[step.ordinal()] += delta;
        long[] bucket = byMinute.computeIfAbsent(minuteOf(at), minute -> new long[STEPS]);
        bucket[step.ordinal()] += delta;
    }

    private void prune(Instant now) {
        byMinute.headMap(minuteOf(now.minus(Window.RETENTION)), false).clear();
    }

    private static long minuteOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), MINUTE_MILLIS);
    }
}
