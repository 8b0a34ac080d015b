package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far one service's consumer group is behind: records not yet processed per topic (the end of each partition
 * minus the group's committed offset) and in total; its state and member count as the broker reports them.
 * {@code problem} says why the rest is unknown (the broker did not answer, the group does not exist yet).
 */
public record ConsumerGroupLag(String group, String state, int members, Long totalLag, Map<String, Long> lagByTopic,
        Instant checkedAt, String problem) {

    /** Lag per topic from committed offsets and partition ends, both keyed {@code topic → partition → offset}. */
    public static ConsumerGroupLag measured(String group, String state, int members,
            Map<String, Map<Integer, Long>> committed, Map<String, Map<Integer, Long>> ends, Instant checkedAt) {
        Map<String, Long> byTopic = new TreeMap<>();
        long total = 0;
        for (var topic : committed.entrySet()) {
            long topicLag = 0;
            for (var partition : topic.getValue().entrySet()) {
                Long end = ends.getOrDefault(topic.getKey(), Map.of()).get(partition.getKey());
                if (end != null) {
                    topicLag += Math.max(0, end - partition.getValue());
                }
            }
            byTopic.put(topic.getKey(), topicLag);
            total += topicLag;
        }
        return new ConsumerGroupLag(group, state, members, total, byTopic, checkedAt, null);
    }

    public static ConsumerGroupLag unknown(String group, String problem, Instant checkedAt) {
        return new ConsumerGroupLag(group, "UNKNOWN", 0, null, Map.of(), checkedAt, problem);
    }
}
