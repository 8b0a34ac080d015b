package io.leadpipeline.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.kafka.RegistryEventSerdes;

/**
 * Reads the pipeline's output topics the whole time, as a CRM or email platform would (read_committed, from the
 * beginning, no consumer group), through broker and registry restarts: a record it cannot decode yet (registry
 * down) is retried, never skipped. Hands each new handoff to a listener (the closers).
 */
final class PipelineObserver implements AutoCloseable {

    /** A record as seen: its key, its decoded value and where it was. */
    record Seen(String topic, int partition, long offset, String key, Object value) {
    }

    static final List<String> TOPICS = List.of("lead.conversions", "lead.decisions", "lead.handoffs", "lead.handoff-outcomes",
            "lead.nurture-enrollments", "lead.nurture-touches");

    private final Map<String, List<Seen>> byTopic = new ConcurrentHashMap<>();
    private final DevStack stack;
    private final Consumer<Seen> onHandoff;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    PipelineObserver(DevStack stack, Consumer<Seen> onHandoff) {
        this.stack = stack;
        this.onHandoff = onHandoff;
        TOPICS.forEach(topic -> byTopic.put(topic, new CopyOnWriteArrayList<>()));
        thread = Thread.ofPlatform().name("pipeline-observer").daemon().start(this::run);
    }

    private void run() {
        Deserializer<SpecificRecord> avro = new RegistryEventSerdes(stack.registryUrl()).anyEventSerde().deserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(60))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Object value = decode(avro, record);
                    if (value == null) {
                        consumer.seek(partition, record.offset()); // the registry is away: read it again later
                        break;
                    }
                    Seen seen = new Seen(record.topic(), record.partition(), record.offset(), record.key(), value);
                    byTopic.get(record.topic()).add(seen);
                    if (record.topic().equals("lead.handoffs")) {
                        onHandoff.accept(seen);
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            avro.close();
        }
    }

    private Object decode(Deserializer<SpecificRecord> avro, ConsumerRecord<String, byte[]> record) {
        try {
            return avro.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            sleepQuietly(500);
            return null;
        }
    }

    /** Every record seen on a topic so far, in the order of each partition. */
    List<Seen> records(String topic) {
        if (failure != null) {
            throw new IllegalStateException("the observer stopped reading", failure);
        }
        return List.copyOf(byTopic.get(topic));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
