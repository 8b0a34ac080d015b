package io.leadpipeline.opsconsole.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Records per second per topic, by the records' Kafka timestamps (so replaying history at start-up does not show
 * as a burst): the rate over the last {@link #RATE_WINDOW}, totals, and a short per-topic series for a sparkline.
 */
public final class FlowMeter {

    public static final Duration RATE_WINDOW = Duration.ofSeconds(60);
    /** The sparkline: {@link #SERIES_POINTS} points of {@link #SERIES_STEP} each (five minutes). */
    public static final Duration SERIES_STEP = Duration.ofSeconds(10);
    public static final int SERIES_POINTS = 30;

    private static final long KEPT_SECONDS = SERIES_STEP.toSeconds() * SERIES_POINTS;

    private final Map<String, TopicFlow> topics = new TreeMap<>();

    /** Topics listed even before their first record, so a silent topic shows as 0 rather than missing. */
    public FlowMeter(Collection<String> expectedTopics) {
        expectedTopics.forEach(topic -> topics.put(topic, new TopicFlow()));
    }

    public void record(String topic, Instant timestamp) {
        TopicFlow flow = topics.computeIfAbsent(topic, name -> new TopicFlow());
        flow.total++;
        if (flow.last == null || timestamp.isAfter(flow.last)) {
            flow.last = timestamp;
        }
        flow.perSecond.merge(timestamp.getEpochSecond(), 1L, Long::sum);
    }

    public List<TopicRate> report(Instant now) {
        long nowSecond = now.getEpochSecond();
        List<TopicRate> rates = new ArrayList<>();
        topics.forEach((topic, flow) -> {
            flow.perSecond.headMap(nowSecond - KEPT_SECONDS, true).clear();
            long lastMinute = flow.perSecond.subMap(nowSecond - RATE_WINDOW.toSeconds(), false, Long.MAX_VALUE, true)
                    .values().stream().mapToLong(Long::longValue).sum();
            List<Double> series = new ArrayList<>();
            long step = SERIES_STEP.toSeconds();
            for (int point = SERIES_POINTS - 1; point >= 0; point--) {
                long to = nowSecond - point * step;
                long count = flow.perSecond.subMap(to - step, false, to, true).values().stream()
                        .mapToLong(Long::longValue).sum();
                series.add((double) count / step);
            }
            rates.add(new TopicRate(topic, (double) lastMinute / RATE_WINDOW.toSeconds(), flow.total, flow.last, series));
        });
        return rates;
    }

    /**
     * One topic's flow: records per second over the last minute, records read in all, the newest record's time
     * (null when none yet) and the sparkline (records per second per {@link #SERIES_STEP}, oldest first).
     */
    public record TopicRate(String topic, double perSecond, long total, Instant lastRecordAt, List<Double> series) {
    }

    private static final class TopicFlow {
        private long total;
        private Instant last;
        private final NavigableMap<Long, Long> perSecond = new TreeMap<>();
    }
}
