package io.leadpipeline.opsconsole.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.service.KafkaClientSettings;
import io.leadpipeline.opsconsole.config.ConsoleSettings;
import io.leadpipeline.opsconsole.config.Topics;
import io.leadpipeline.opsconsole.domain.OpsView;
import io.leadpipeline.opsconsole.domain.PipelineFact;
import io.leadpipeline.opsconsole.domain.RecordOrigin;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads every {@code lead.*} topic from the beginning into the {@link OpsView}, on its own thread, with its own
 * consumer group (read-only: it never writes and never creates a topic). Missing topics are no error: the pattern
 * subscription picks them up when they appear. The reader keeps its own positions, so a rebalance or a reconnect
 * resumes where it was instead of counting records twice, and a restart rebuilds the view from the beginning. A record
 * that cannot be decoded because the registry does not answer is read again later, never skipped, and the loop comes
 * back to {@code poll} within seconds even then (every registry call is bounded by {@code ops-console.registry-timeout}),
 * so the group never drops the reader for polling too seldom.
 */
@ApplicationScoped
public class PipelineReader {

    private static final Logger LOG = Logger.getLogger(PipelineReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OpsView view;
    private final ConsoleSettings settings;
    private final KafkaClientSettings kafka;
    private final String registryUrl;
    private final Vertx vertx;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Map<String, Instant> failingSince = new HashMap<>();
    private final AtomicLong recordsRead = new AtomicLong();

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile String state = "STARTING";
    private volatile String lastProblem;
    private volatile Instant lastPollAt;
    private volatile Long lag;
    private volatile boolean caughtUp;
    private volatile int assignedPartitions;
    private Thread thread;

    PipelineReader(OpsView view, ConsoleSettings settings,
            KafkaClientSettings kafka,
            @ConfigProperty(name = "apicurio.registry.url") String registryUrl, Vertx vertx) {
        this.view = view;
        this.settings = settings;
        this.kafka = kafka;
        this.registryUrl = registryUrl;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = Thread.ofPlatform().name("ops-console-reader").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15));
        }
    }

    public ReaderStatus status() {
        return new ReaderStatus(state, assignedPartitions, recordsRead.get(), lag, caughtUp, lastPollAt, lastProblem);
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        Duration backoff = POLL;
        while (running) {
            try (EventDecoder decoder = new EventDecoder(registryUrl, vertx, settings.registryTimeout());
                    KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig(),
                            new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                kafka.subscribe(Topics.SUBSCRIPTION, new ResumeOrRewind(kafka));
                state = "READING";
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                    lastPollAt = Instant.now();
                    boolean retryLater = take(records, kafka, decoder);
                    measureLag(kafka);
                    if (retryLater && running) {
                        Thread.sleep(backoff);
                        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    } else {
                        backoff = POLL;
                        if (!retryLater) {
                            state = "READING";
                        }
                    }
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up: the loop ends because running is false
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                state = "RECONNECTING";
                lastProblem = "Kafka: " + e.getMessage();
                LOG.warnf("Reading the pipeline topics failed (%s); retrying in %s", e.toString(), MAX_BACKOFF);
                sleepQuietly(MAX_BACKOFF);
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * Takes in a poll's records, partition by partition; true when some must be read again later. Each partition is
     * rewound to its first record not taken, so nothing is skipped. Once the registry does not answer (or the
     * reader stops), the partitions after it are left for the next round untried: each would wait for the registry too.
     */
    private boolean take(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> kafka, EventDecoder decoder) {
        List<TopicPartition> partitions = List.copyOf(records.partitions());
        boolean retryLater = false;
        for (int i = 0; i < partitions.size(); i++) {
            TopicPartition partition = partitions.get(i);
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                Outcome outcome = running ? handle(record, decoder) : Outcome.AGAIN_WITH_THE_REST;
                if (outcome == Outcome.TAKEN) {
                    positions.put(partition, record.offset() + 1);
                    continue;
                }
                kafka.seek(partition, record.offset());
                retryLater = true;
                if (outcome == Outcome.AGAIN_WITH_THE_REST) {
                    for (TopicPartition untried : partitions.subList(i + 1, partitions.size())) {
                        kafka.seek(untried, records.records(untried).get(0).offset());
                    }
                    return true;
                }
                break;
            }
        }
        return retryLater;
    }

    /** What becomes of a record: taken in (or given up on), read again later, or read again later with the rest of the poll. */
    private enum Outcome {
        TAKEN, AGAIN, AGAIN_WITH_THE_REST
    }

    private Outcome handle(ConsumerRecord<String, byte[]> record, EventDecoder decoder) {
        RecordOrigin origin = new RecordOrigin(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()));
        String key = record.topic() + "/" + record.partition() + "@" + record.offset();
        try {
            PipelineFact fact = decoder.decode(record);
            if (fact == null) {
                view.recordOther(origin);
            } else {
                view.record(origin, fact);
            }
            failingSince.remove(key);
            recordsRead.incrementAndGet();
            return Outcome.TAKEN;
        } catch (EventDecoder.NotInWireFormatException e) {
            giveUp(origin, key, e.getMessage());
            return Outcome.TAKEN;
        } catch (RuntimeException e) {
            if (EventDecoder.registryUnreachable(e)) {
                state = "WAITING_FOR_REGISTRY";
                lastProblem = "Registry unreachable: " + e;
                return Outcome.AGAIN_WITH_THE_REST;
            }
            Instant since = failingSince.computeIfAbsent(key, failing -> Instant.now());
            lastProblem = "Cannot decode " + key + ": " + e;
            if (Instant.now().isBefore(since.plus(settings.decodeRetry()))) {
                state = "WAITING_FOR_REGISTRY";
                return Outcome.AGAIN;
            }
            giveUp(origin, key, e.toString());
            return Outcome.TAKEN;
        }
    }

    private void giveUp(RecordOrigin origin, String key, String reason) {
        failingSince.remove(key);
        recordsRead.incrementAndGet();
        view.recordUnreadable(origin, reason);
        LOG.warnf("Skipping unreadable record %s: %s", key, reason);
    }

    private void measureLag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        assignedPartitions = kafka.assignment().size();
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong partitionLag = kafka.currentLag(partition);
            if (partitionLag.isEmpty()) {
                lag = null;
                caughtUp = false;
                return;
            }
            total += partitionLag.getAsLong();
        }
        lag = total;
        caughtUp = total == 0;
        assignedPartitions = kafka.assignment().size();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = kafka.connection();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Committed offsets only show the console's own progress to tools; where to read from is kept in positions.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        // The services write in transactions (exactly_once_v2): aborted records must not count.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Find new topics (a first dead letter) within seconds instead of the default five minutes.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        return config;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** New partitions are read from the beginning; partitions read before resume where this reader left them. */
    private final class ResumeOrRewind implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        private ResumeOrRewind(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                Long position = positions.get(partition);
                if (position == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, position);
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to hand over: positions are kept for when the partitions come back
        }
    }
}
