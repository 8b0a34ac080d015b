package io.leadpipeline.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Test helper: reads a whole topic from the beginning, without a consumer group and committed records only,
 * so a test sees exactly what a downstream consumer would.
 */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic, Deserializer<V> valueDeserializer) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, valueDeserializer);
    }

    /** As {@link #TopicReader(String, String, Deserializer)}, connecting with {@code clientSettings} (e.g. {@link DevStack#clientSettings()}). */
    public TopicReader(Map<String, Object> clientSettings, String topic, Deserializer<V> valueDeserializer) {
        Map<String, Object> config = new java.util.HashMap<>(clientSettings);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), valueDeserializer);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until {@code count} records match or the timeout passes; returns the matching records seen so far. */
    public List<ConsumerRecord<String, V>> await(Predicate<ConsumerRecord<String, V>> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(match).size() < count && System.nanoTime() < deadline) {
            poll();
        }
        return matching(match);
    }

    /** Keeps reading for {@code quietPeriod} and returns every matching record: to prove something happened only once. */
    public List<ConsumerRecord<String, V>> settle(Predicate<ConsumerRecord<String, V>> match, Duration quietPeriod) {
        long deadline = System.nanoTime() + quietPeriod.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return matching(match);
    }

    /**
     * Reads every record committed before this call (up to each partition's end offset as of now) and returns the
     * matching ones: proves that something which has already finished (a request answered after the broker's
     * acknowledgement) wrote once, or not at all, without waiting out a quiet period.
     */
    public List<ConsumerRecord<String, V>> upToNow(Predicate<ConsumerRecord<String, V>> match) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read up to the end offsets " + end + " within 30 s");
            }
            poll();
        }
        return matching(match);
    }

    public List<ConsumerRecord<String, V>> all() {
        return List.copyOf(seen);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    private List<ConsumerRecord<String, V>> matching(Predicate<ConsumerRecord<String, V>> match) {
        return seen.stream().filter(match).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
