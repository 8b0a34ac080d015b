package io.leadpipeline.qualification.streams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.qualification.config.Topics;
import io.leadpipeline.qualification.domain.LeadEvent;

/**
 * Reads the retained history of qualification's inputs (conversions, engagements, handoff outcomes, nurture
 * enrollments) from the beginning, without a consumer group and without writing, and hands each usable event to a
 * listener in the order qualification applied it: partition by partition (a lead's records share one partition
 * number across the co-partitioned inputs), the four topics merged by record time, as Kafka Streams merges them.
 * Memory stays bounded by a few polls: a partition whose buffer is full is paused until it drains.
 */
public final class HistoryReplay {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int BUFFERED_PER_PARTITION = 2_000;
    private static final Map<String, Class<? extends SpecificRecord>> INPUTS = Map.of(
            Topics.CONVERSIONS, ConversionCaptured.class, Topics.ENGAGEMENTS, EngagementTracked.class,
            Topics.HANDOFF_OUTCOMES, HandoffOutcomeRecorded.class, Topics.NURTURE_ENROLLMENTS, NurtureEnrollmentChanged.class);

    private final Map<String, Object> connection;
    private final Map<String, Deserializer<? extends SpecificRecord>> deserializers = new HashMap<>();

    public HistoryReplay(Map<String, Object> connection, EventSerdes serdes) {
        this.connection = Map.copyOf(connection);
        INPUTS.forEach((topic, type) -> deserializers.put(topic, serdes.valueSerde(type).deserializer()));
    }

    /** What a replay read: records, and those it skipped as unreadable or unusable (they went to a DLQ when they were live). */
    public record Counts(long records, long skipped) {
    }

    /**
     * Replays everything retained up to now, calling {@code listener} with each lead id and event, and
     * {@code partitionDone} after each partition (no more events of its leads follow).
     */
    public Counts replay(BiConsumer<String, LeadEvent> listener, Runnable partitionDone) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "scoring-backtest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // what qualification itself reads
        long records = 0;
        long skipped = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            int partitions = 0;
            for (String topic : INPUTS.keySet()) {
                List<PartitionInfo> info = Optional.ofNullable(consumer.partitionsFor(topic)).orElse(List.of());
                partitions = Math.max(partitions, info.size());
            }
            for (int partition = 0; partition < partitions; partition++) {
                Counts counts = replayPartition(consumer, partition, listener);
                partitionDone.run();
                records += counts.records();
                skipped += counts.skipped();
            }
        }
        return new Counts(records, skipped);
    }

    private Counts replayPartition(KafkaConsumer<String, byte[]> consumer, int partition, BiConsumer<String, LeadEvent> listener) {
        List<TopicPartition> assigned = new ArrayList<>();
        for (String topic : INPUTS.keySet()) {
            List<PartitionInfo> info = Optional.ofNullable(consumer.partitionsFor(topic)).orElse(List.of());
            if (partition < info.size()) {
                assigned.add(new TopicPartition(topic, partition));
            }
        }
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        Map<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> buffers = new HashMap<>();
        assigned.forEach(tp -> buffers.put(tp, new ArrayDeque<>()));
        long records = 0;
        long skipped = 0;
        while (true) {
            // The next record in time order needs every unfinished partition's head: poll until each has one.
            boolean needMore = assigned.stream().anyMatch(tp -> buffers.get(tp).isEmpty() && consumer.position(tp) < end.get(tp));
            if (needMore) {
                List<TopicPartition> full = assigned.stream().filter(tp -> buffers.get(tp).size() >= BUFFERED_PER_PARTITION).toList();
                consumer.pause(full);
                consumer.resume(assigned.stream().filter(tp -> !full.contains(tp)).toList());
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp)) {
                        buffers.get(tp).add(record);
                    }
                }
                continue;
            }
            Optional<TopicPartition> next = assigned.stream().filter(tp -> !buffers.get(tp).isEmpty())
                    .min(Comparator.comparingLong(tp -> buffers.get(tp).peek().timestamp()));
            if (next.isEmpty()) {
                return new Counts(records, skipped);
            }
            ConsumerRecord<String, byte[]> record = buffers.get(next.get()).poll();
            records++;
            InputEvents.Parsed parsed = parse(record);
            if (parsed == null || parsed.problem() != null) {
                skipped++;
            } else {
                listener.accept(parsed.leadId(), parsed.event());
            }
        }
    }

    private InputEvents.Parsed parse(ConsumerRecord<String, byte[]> record) {
        try {
            SpecificRecord value = record.value() == null ? null
                    : deserializers.get(record.topic()).deserialize(record.topic(), record.headers(), record.value());
            return InputEvents.parse(record.key(), value);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
