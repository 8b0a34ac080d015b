package io.leadpipeline.service.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.events.RulesPublished;
import io.leadpipeline.events.RulesVersionEntry;
import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.kafka.TopicProvisioner;
import io.leadpipeline.service.KafkaClientSettings;

/**
 * The rules as events: every instance reads the whole compacted {@code lead.rules} topic from the beginning (no
 * consumer group, so each instance sees every version) on one thread of its own, and swaps each new valid version
 * into its {@link LiveRules}; {@link #publish} validates a document and writes it there. A rule set the topic has no
 * version of yet is seeded from its file ({@link RuleFiles}) once the reader has caught up.
 */
@ApplicationScoped
public class RulesTopic {

    public static final String TOPIC = "lead.rules";
    /** Versions kept in each record's history (compaction keeps only the latest record of a rule set). */
    static final int HISTORY = 50;
    /** How long a start-up waits to have read the topic; past it the service starts on its seed and catches up after. */
    static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(RulesTopic.class);

    private final KafkaClientSettings kafka;
    private final String registryUrl;
    private final Map<String, LiveRules<?>> ruleSets = new ConcurrentHashMap<>();
    /** The latest record of every rule set on the topic, registered here or not. */
    private final Map<String, RulesPublished> latest = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread reader;
    private KafkaConsumer<String, RulesPublished> consumer;
    private KafkaProducer<String, RulesPublished> producer;

    RulesTopic(KafkaClientSettings kafka, @ConfigProperty(name = "apicurio.registry.url") String registryUrl) {
        this.kafka = kafka;
        this.registryUrl = registryUrl;
    }

    /** A publication: the version now on the topic (or, for a dry run, the one it would be) and what changed. */
    public record Publication(String ruleSet, String version, String previousVersion, boolean changed, List<String> changes,
            boolean appliedHere) {
    }

    /**
     * Starts this service's rule set on its seed, reads the topic (waiting up to {@link #CATCH_UP}), and answers with
     * the live rules: the topic's latest valid version, or the seed, which is then published as the first version.
     *
     * @throws InvalidRulesException when the seed file does not validate: the service does not start on bad rules
     */
    public synchronized <R> LiveRules<R> register(RuleSet<R> ruleSet, RuleFiles.Seed seed) {
        RuleSet.Compiled<R> compiled = ruleSet.compile(seed.document(), seed.source());
        LiveRules<R> live = new LiveRules<>(ruleSet, new LiveRules.Version<>(compiled.rules(), compiled.version(),
                new String(seed.document(), StandardCharsets.UTF_8), seedAuthor(ruleSet), Instant.now(), List.of(), List.of()));
        ruleSets.put(ruleSet.name(), live);
        RulesPublished known = latest.get(ruleSet.name());
        if (known != null) {
            apply(live, known);
        }
        startReader();
        try {
            if (!caughtUp.await(CATCH_UP.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s not read within %s: rules %s start on %s (%s) and follow the topic once it is reachable",
                        TOPIC, CATCH_UP, ruleSet.name(), seed.source(), compiled.version());
            } else {
                seedIfMissing(live);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Rules %s: version %s (%s)", ruleSet.name(), live.version(), live.fromTopic() ? TOPIC : seed.source());
        return live;
    }

    /** The rule set of this name this instance applies, if it owns one by that name. */
    public Optional<LiveRules<?>> ruleSet(String name) {
        return Optional.ofNullable(ruleSets.get(name));
    }

    public List<LiveRules<?>> ruleSets() {
        return List.copyOf(ruleSets.values());
    }

    /**
     * Validates {@code document} as the next version of the rule set and, unless it is the current one or this is a
     * dry run, publishes it; the answer completes once this instance applies it (or fails after {@code timeout}).
     *
     * @throws InvalidRulesException when it does not validate: nothing is published
     */
    public <R> CompletionStage<Publication> publish(LiveRules<R> live, byte[] document, String author, boolean dryRun,
            Duration timeout) {
        RuleSet<R> ruleSet = live.ruleSet();
        RuleSet.Compiled<R> candidate = ruleSet.compile(document, ruleSet.fileName());
        LiveRules.Version<R> current = live.current();
        String text = new String(document, StandardCharsets.UTF_8);
        if (candidate.version().equals(current.version())) {
            return CompletableFuture.completedFuture(
                    new Publication(ruleSet.name(), current.version(), current.version(), false, List.of(), !dryRun));
        }
        List<String> changes = RuleChanges.between(current.document(), text);
        if (dryRun) {
            return CompletableFuture.completedFuture(
                    new Publication(ruleSet.name(), candidate.version(), current.version(), true, changes, false));
        }
        List<LiveRules.HistoryEntry> history = new ArrayList<>();
        history.add(current.asHistory());
        history.addAll(current.history());
        RulesPublished record = record(ruleSet.name(), candidate.version(), text, author, changes,
                history.subList(0, Math.min(HISTORY, history.size())));
        Publication published = new Publication(ruleSet.name(), candidate.version(), current.version(), true, changes, true);
        return send(record).thenApply(ignored -> published).toCompletableFuture()
                .completeOnTimeout(new Publication(ruleSet.name(), candidate.version(), current.version(), true, changes, false),
                        timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, RulesPublished> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }

    private static String seedAuthor(RuleSet<?> ruleSet) {
        return "seed:" + ruleSet.fileName();
    }

    private void seedIfMissing(LiveRules<?> live) {
        if (!live.fromTopic() && !latest.containsKey(live.ruleSet().name())) {
            LiveRules.Version<?> seed = live.current();
            send(record(live.ruleSet().name(), seed.version(), seed.document(), seed.author(), List.of(), List.of()))
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            LOG.warnf("Seeding %s with %s failed (%s); this instance applies the seed and the next start retries",
                                    TOPIC, live.ruleSet().name(), error.getClass().getSimpleName());
                        }
                    });
        }
    }

    private static RulesPublished record(String ruleSet, String version, String document, String author, List<String> changes,
            List<LiveRules.HistoryEntry> history) {
        return RulesPublished.newBuilder().setRuleSet(ruleSet).setVersion(version).setDocument(document).setAuthor(author)
                .setPublishedAt(Instant.now()).setChanges(List.copyOf(changes))
                .setHistory(history.stream().map(entry -> RulesVersionEntry.newBuilder().setVersion(entry.version())
                        .setAuthor(entry.author()).setPublishedAt(entry.publishedAt()).setChanges(List.copyOf(entry.changes()))
                        .build()).toList())
                .build();
    }

    /** Completes once this instance's reader has read the record back, i.e. applied it. */
    private CompletionStage<Void> send(RulesPublished record) {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        try {
            producer().send(new ProducerRecord<>(TOPIC, record.getRuleSet(), record), (metadata, error) -> {
                if (error != null) {
                    applied.completeExceptionally(error);
                    return;
                }
                synchronized (pending) {
                    pending.add(new Pending(metadata.partition(), metadata.offset(), applied));
                }
                completeApplied();
            });
        } catch (RuntimeException e) {
            applied.completeExceptionally(e); // the registry or the broker unreachable: the caller answers "try again"
        }
        return applied;
    }

    private synchronized KafkaProducer<String, RulesPublished> producer() {
        if (producer == null) {
            Map<String, Object> config = kafka.connection();
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "rules-publisher");
            producer = new KafkaProducer<>(config, new StringSerializer(),
                    new RegistryEventSerdes(registryUrl).valueSerde(RulesPublished.class).serializer());
        }
        return producer;
    }

    private synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(this::read, "rules-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            try {
                TopicProvisioner.ensureTopics(kafka.connection(), List.of(TOPIC), List.of(TOPIC));
                follow();
                return;
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Reading %s failed (%s); trying again in %s", TOPIC, e.getClass().getSimpleName(), RETRY);
                sleep(RETRY);
            }
        }
    }

    private void follow() {
        Map<String, Object> config = kafka.connection();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rules-reader");
        try (KafkaConsumer<String, RulesPublished> reading = new KafkaConsumer<>(config, new StringDeserializer(),
                new RegistryEventSerdes(registryUrl).valueSerde(RulesPublished.class).deserializer())) {
            consumer = reading;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = reading.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            reading.assign(partitions);
            reading.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reading.endOffsets(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, RulesPublished> record : reading.poll(POLL)) {
                        if (record.key() != null && record.value() != null) {
                            latest.put(record.key(), record.value());
                            LiveRules<?> live = ruleSets.get(record.key());
                            if (live != null) {
                                apply(live, record.value());
                            }
                        }
                    }
                } catch (RecordDeserializationException e) {
                    LOG.warnf("Skipped an unreadable record on %s at %s-%d", TOPIC, e.topicPartition(), e.offset());
                    reading.seek(e.topicPartition(), e.offset() + 1);
                }
                for (TopicPartition partition : partitions) {
                    positions.put(partition.partition(), reading.position(partition));
                }
                if (caughtUp.getCount() > 0 && partitions.stream().allMatch(p -> positions.get(p.partition()) >= end.get(p))) {
                    caughtUp.countDown();
                    ruleSets.values().forEach(this::seedIfMissing);
                }
                completeApplied();
            }
        } finally {
            consumer = null;
        }
    }

    private static <R> void apply(LiveRules<R> live, RulesPublished record) {
        RuleSet<R> ruleSet = live.ruleSet();
        LiveRules.Version<R> current = live.current();
        R rules = current.rules();
        String version = current.version();
        byte[] document = record.getDocument().getBytes(StandardCharsets.UTF_8);
        if (!RulesVersion.of(document).equals(version)) {
            try {
                RuleSet.Compiled<R> compiled = ruleSet.compile(document, TOPIC + " (" + ruleSet.name() + ")");
                rules = compiled.rules();
                version = compiled.version();
            } catch (RuntimeException e) {
                // Published only after validation, so this is a document written past the API or by a newer release.
                LOG.warnf("%s holds %s version %s, which this instance refuses; it keeps %s: %s", TOPIC, ruleSet.name(),
                        record.getVersion(), current.version(), e.getMessage());
                return;
            }
            // Not the author: a token subject may be a person's address, and logs carry no personal data.
            LOG.infof("Rules %s: version %s applied (published at %s)", ruleSet.name(), version, record.getPublishedAt());
        }
        live.replace(new LiveRules.Version<>(rules, version, record.getDocument(), record.getAuthor(), record.getPublishedAt(),
                record.getChanges(), record.getHistory().stream().map(entry -> new LiveRules.HistoryEntry(entry.getVersion(),
                        entry.getAuthor(), entry.getPublishedAt(), entry.getChanges())).toList()));
    }

    private void completeApplied() {
        synchronized (pending) {
            pending.removeIf(waiting -> {
                Long position = positions.get(waiting.partition());
                if (position != null && position > waiting.offset()) {
                    waiting.applied().complete(null);
                    return true;
                }
                return false;
            });
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(int partition, long offset, CompletableFuture<Void> applied) {
    }
}
