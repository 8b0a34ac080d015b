package io.leadpipeline.routing.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.routing.config.Topics;
import io.leadpipeline.routing.domain.RoutingPreview;

/**
 * The last sales-qualified decisions on lead.decisions, oldest first, for a routing preview: read with a plain
 * consumer (no group, nothing committed or written) from the tail of each partition. Costs O(N) in the leads asked
 * for, not in the topic's size.
 */
public final class RecentDecisions {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Decisions of every stage share the topic: read this many per SQL wanted before giving up on a partition. */
    private static final int RECORDS_PER_SQL = 4;

    private final Map<String, Object> connection;
    private final Deserializer<QualificationDecided> deserializer;

    public RecentDecisions(Map<String, Object> connection, EventSerdes serdes) {
        this.connection = Map.copyOf(connection);
        this.deserializer = serdes.valueSerde(QualificationDecided.class).deserializer();
    }

    public List<RoutingPreview.Lead> lastSqls(int count) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-preview");
        List<RoutingPreview.Lead> leads = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Optional.ofNullable(consumer.partitionsFor(Topics.DECISIONS)).orElse(List.<PartitionInfo>of())
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long perPartition = (long) count * RECORDS_PER_SQL;
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - perPartition));
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition) || record.value() == null) {
                        continue;
                    }
                    try {
                        QualificationDecided decision = deserializer.deserialize(record.topic(), record.headers(), record.value());
                        if (decision.getStage() == LeadStage.SQL && InputChecks.decision(record.key(), decision).isEmpty()) {
                            leads.add(new RoutingPreview.Lead(decision.getDecisionId(), decision.getLeadId(),
                                    RoutingDeskProcessor.facts(decision), decision.getDecidedAt()));
                        }
                    } catch (RuntimeException unreadable) {
                        // a record routing dead-lettered when it was live: not a lead to preview
                    }
                }
            }
        }
        leads.sort(Comparator.comparing(RoutingPreview.Lead::decidedAt).thenComparing(RoutingPreview.Lead::decisionId));
        return List.copyOf(leads.subList(Math.max(0, leads.size() - count), leads.size()));
    }
}
