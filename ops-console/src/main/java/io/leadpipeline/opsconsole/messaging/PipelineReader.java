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

import io.leadpipeline.opsconsole.config.ConsoleSettings;
import io.leadpipeline.opsconsole.config.Topics;
import io.leadpipeline.opsconsole.domain.OpsView;
import io.leadpipeline.opsconsole.domain.PipelineFact;
import io.leadpipeline.opsconsole.domain.RecordOrigin;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads every {@code lead.*} topic from the beginning into the {@link OpsView}, on its own thread, with its own
 * consumer group (read-only: it never writes and never creates a topic). Missing topics are no error: the pattern
 * subscription picks them up when they appear. The reader keeps its own positions, so a rebalance or a reconnect
 * resumes where it was instead of counting records twice, and a restart rebuilds the view from the beginning.
 */
@ApplicationScoped
public class PipelineReader {

    private static final Logger LOG = Logger.getLogger(PipelineReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OpsView view;
    private final ConsoleSettings settings;
    private final String bootstrapServers;
    private final String registryUrl;
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
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "apicurio.registry.url") String registryUrl) {
        this.view = view;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
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
            try (EventDecoder decoder = new EventDecoder(registryUrl);
                    KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig(),
                            new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                kafka.subscribe(Topics.SUBSCRIPTION, new ResumeOrRewind(kafka));
                state = "READING";
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                    lastPollAt = Instant.now();
                    boolean retryLater = false;
                    for (TopicPartition partition : records.partitions()) {
                        for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                            if (!running || !handle(record, decoder)) {
                                kafka.seek(partition, record.offset());
                                retryLater = true;
                                break;
                            }
                            positions.put(partition, record.offset() + 1);
                        }
                    }
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

    /** True when the record was taken in (or given up on); false when it should be read again later. */
    private boolean handle(ConsumerRecord<String, byte[]> record, EventDecoder decoder) {
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
            return true;
        } catch (EventDecoder.NotInWireFormatException e) {
            giveUp(origin, key, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            Instant since = failingSince.computeIfAbsent(key, failing -> Instant.now());
            boolean registryUnreachable = EventDecoder.registryUnreachable(e);
            lastProblem = (registryUnreachable ? "Registry unreachable: " : "Cannot decode " + key + ": ") + e;
            if (registryUnreachable || Instant.now().isBefore(since.plus(settings.decodeRetry()))) {
                state = "WAITING_FOR_REGISTRY";
                return false;
            }
            giveUp(origin, key, e.toString());
            return true;
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
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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
