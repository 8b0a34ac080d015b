package io.leadpipeline.opsconsole.domain;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Dead letters per DLQ topic, the most frequent reasons, and the latest few for a closer look. */
public final class DeadLetterStats {

    public static final int TOP_REASONS = 5;
    public static final int RECENT = 20;
    /** Reasons quote exception messages, which vary; beyond this many distinct ones the rest count as "other". */
    static final int MAX_DISTINCT_REASONS = 200;
    static final String OTHER_REASONS = "(other reasons)";
    static final String NO_REASON = "(no reason given)";

    private final Map<String, Long> byTopic = new TreeMap<>();
    private final Map<String, Long> byReason = new HashMap<>();
    private final Deque<DeadLetterFact> recent = new ArrayDeque<>();
    private long total;

    public void add(DeadLetterFact deadLetter) {
        total++;
        byTopic.merge(deadLetter.deadLetterTopic(), 1L, Long::sum);
        String reason = deadLetter.reason() == null || deadLetter.reason().isBlank() ? NO_REASON : deadLetter.reason();
        if (!byReason.containsKey(reason) && byReason.size() >= MAX_DISTINCT_REASONS) {
            reason = OTHER_REASONS;
        }
        byReason.merge(reason, 1L, Long::sum);
        recent.addFirst(deadLetter);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    public DeadLetterReport report() {
        List<ReasonCount> top = byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS)
                .map(entry -> new ReasonCount(entry.getKey(), entry.getValue()))
                .toList();
        List<DeadLetterFact> latest = new ArrayList<>(recent);
        latest.sort(Comparator.comparing(DeadLetterFact::at).reversed());
        return new DeadLetterReport(total, Collections.unmodifiableMap(new TreeMap<>(byTopic)), top, List.copyOf(latest));
    }

    public record ReasonCount(String reason, long count) {
    }

    /** All dead letters read: the total, per DLQ topic, the top reasons and the latest records (newest first). */
    public record DeadLetterReport(long total, Map<String, Long> byTopic, List<ReasonCount> topReasons,
            List<DeadLetterFact> recent) {
    }
}
