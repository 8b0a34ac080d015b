package io.leadpipeline.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics as a downstream system does (read_committed, no consumer group), from their end as of its creation or
 * from their beginning, and tells a listener of every record with the moment it arrived here: what the benchmark
 * counts, and the far end of its latencies. Values stay bytes; a listener decodes only what it needs. Counts records
 * per topic per second of the watch.
 */
final class TopicWatch implements AutoCloseable {

    /** Told of each record on the watch's thread: keep it short. */
    @FunctionalInterface
    interface Listener {
        void received(ConsumerRecord<String, byte[]> record, long receivedNanos);
    }

    private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> perSecond = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /** Watches {@code topics} from their current end (or their beginning when {@code fromBeginning}); returns once positioned. */
    TopicWatch(String bootstrapServers, List<String> topics, boolean fromBeginning, Listener listener) {
        topics.forEach(topic -> {
            totals.put(topic, new LongAdder());
            perSecond.put(topic, new ArrayList<>());
        });
        thread = Thread.ofPlatform().name("topic-watch").daemon().start(() -> run(bootstrapServers, topics, fromBeginning, listener));
        try {
            if (!positioned.await(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the watch of " + topics + " found no partitions within 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run(String bootstrapServers, List<String> topics, boolean fromBeginning, Listener listener) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(60)).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position); // resolves the positions now: nothing written from here on is missed
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    count(record.topic(), now);
                    listener.received(record, now);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        }
    }

    private void count(String topic, long now) {
        totals.get(topic).increment();
        List<Long> seconds = perSecond.get(topic);
        int second = (int) ((now - startNanos) / 1_000_000_000L);
        synchronized (seconds) {
            while (seconds.size() <= second) {
                seconds.add(0L);
            }
            seconds.set(second, seconds.get(second) + 1);
        }
    }

    /** Records seen on a topic so far. */
    long total(String topic) {
        if (failure != null) {
            throw new IllegalStateException("the watch stopped reading", failure);
        }
        return totals.get(topic).sum();
    }

    /** Records that arrived on a topic in each second since the watch began. */
    List<Long> perSecond(String topic) {
        List<Long> seconds = perSecond.get(topic);
        synchronized (seconds) {
            return List.copyOf(seconds);
        }
    }

    long startNanos() {
        return startNanos;
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
