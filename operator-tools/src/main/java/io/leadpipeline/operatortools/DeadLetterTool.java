package io.leadpipeline.operatortools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.KafkaConnection;

/**
 * {@code ./pipeline dlq}: lists dead letters with their reasons, and replays them to their source topic once.
 * Hand-written because no kept tool does this: Kafka's CLI cannot list dead letters by reason or replay exactly once.
 * Each replay writes the record back to the source topic and a marker to {@value #REPLAYS_TOPIC} in one Kafka
 * transaction, and skips records already marked, so a dead letter is replayed exactly once however often the
 * command runs (or crashes half way).
 * <pre>
 * DeadLetterTool --bootstrap HOST:PORT [--credentials DIR] list [topic]
 * DeadLetterTool --bootstrap HOST:PORT [--credentials DIR] replay topic [--id dlqTopic:partition:offset ...]
 * </pre>
 * On a secured broker ({@code --credentials}: the folder of Kafka credentials ./pipeline up keeps) it reads as the
 * read-only {@code operator} and replays as the source topic's owner (from {@code owners.properties} there), so the
 * broker's single-writer rule holds for replays too.
 */
public final class DeadLetterTool {

    public static final String REPLAYS_TOPIC = "lead.dlq-replays";
    static final String HEADER_PREFIX = "dlq.";
    static final String HEADER_REPLAYED_FROM = "dlq-replayed-from";

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String READER = "operator";
    static final String OWNERS_FILE = "owners.properties";

    private final String bootstrapServers;
    private final Optional<Path> credentials;

    public DeadLetterTool(String bootstrapServers) {
        this(bootstrapServers, Optional.empty());
    }

    public DeadLetterTool(String bootstrapServers, Optional<Path> credentials) {
        this.bootstrapServers = bootstrapServers;
        this.credentials = credentials;
    }

    /** How the tool reads: as the operator on a secured broker. */
    private Map<String, Object> readerConnection() {
        return KafkaConnection.of(bootstrapServers, credentials.map(dir -> KafkaConnection.signInFrom(dir.resolve(READER + ".properties")))
                .orElse(Map.of()));
    }

    /** How the tool writes {@code sourceTopic}: as its owner on a secured broker. */
    private Map<String, Object> writerConnection(String sourceTopic) {
        if (credentials.isEmpty()) {
            return KafkaConnection.plaintext(bootstrapServers);
        }
        Properties owners = new Properties();
        try (var in = Files.newBufferedReader(credentials.get().resolve(OWNERS_FILE))) {
            owners.load(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + OWNERS_FILE + " in " + credentials.get() + " (./pipeline up writes it)", e);
        }
        String owner = owners.getProperty(sourceTopic);
        if (owner == null) {
            throw new IllegalArgumentException("No service owns " + sourceTopic + ", so nothing may replay to it");
        }
        return KafkaConnection.of(bootstrapServers, KafkaConnection.signInFrom(credentials.get().resolve(owner + ".properties")));
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        String bootstrap = null;
        Optional<Path> credentials = Optional.empty();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (List.of("--bootstrap", "--id", "--credentials").contains(rest.get(i)) && i + 1 >= rest.size()) {
                usage();
            }
            if (rest.get(i).equals("--bootstrap")) {
                bootstrap = rest.remove(i + 1);
                rest.remove(i--);
            } else if (rest.get(i).equals("--credentials")) {
                credentials = Optional.of(Path.of(rest.remove(i + 1)));
                rest.remove(i--);
            } else if (rest.get(i).equals("--id")) {
                ids.add(rest.remove(i + 1));
                rest.remove(i--);
            }
        }
        if (bootstrap == null || rest.isEmpty()) {
            usage();
        }
        DeadLetterTool tool = new DeadLetterTool(bootstrap, credentials);
        switch (rest.get(0)) {
            case "list" -> tool.list(rest.size() > 1 ? Optional.of(rest.get(1)) : Optional.empty())
                    .forEach(line -> System.out.println(line.toString()));
            case "replay" -> {
                if (rest.size() < 2) {
                    usage();
                }
                List<String> replayed = tool.replay(rest.get(1), ids);
                System.out.println("Replayed " + replayed.size() + " record(s) to " + sourceTopicOf(rest.get(1))
                        + (replayed.isEmpty() ? " (nothing new to replay)" : ": " + String.join(", ", replayed)));
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: dlq [--credentials DIR] list [topic] | dlq [--credentials DIR] replay <topic> [--id dlqTopic:partition:offset ...]");
        System.exit(2);
    }

    static String sourceTopicOf(String topic) {
        return topic.endsWith(DeadLetters.SUFFIX) ? topic.substring(0, topic.length() - DeadLetters.SUFFIX.length()) : topic;
    }

    static String deadLetterTopicOf(String topic) {
        return topic.endsWith(DeadLetters.SUFFIX) ? topic : DeadLetters.topicFor(topic);
    }

    /** One JSON object per dead letter: id, source topic, key, reason and the other dlq.* headers, replayed or not. */
    public List<ObjectNode> list(Optional<String> topic) {
        Set<String> replayed = replayedIds();
        List<String> topics = topic.map(t -> List.of(deadLetterTopicOf(t))).orElseGet(this::deadLetterTopics);
        List<ObjectNode> lines = new ArrayList<>();
        for (String deadLetterTopic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(deadLetterTopic)) {
                ObjectNode line = JSON.createObjectNode();
                String id = idOf(record);
                line.put("id", id);
                line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
                line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
                ObjectNode headers = line.putObject("headers");
                for (Header header : record.headers()) {
                    headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                }
                line.put("reason", headers.path(DeadLetters.HEADER_REASON).asText(null));
                line.put("replayed", replayed.contains(id));
                line.put("valueBase64", record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Replays the dead letters of {@code topic} (source or .dlq name) that were not replayed before, or only the
     * given ids; returns the ids replayed now.
     */
    public List<String> replay(String topic, List<String> onlyIds) throws Exception {
        String deadLetterTopic = deadLetterTopicOf(topic);
        Map<String, Object> writer = writerConnection(sourceTopicOf(deadLetterTopic));
        ensureReplaysTopic(writer);
        Set<String> already = replayedIds();
        List<ConsumerRecord<byte[], byte[]>> pending = readAll(deadLetterTopic).stream()
                .filter(record -> !already.contains(idOf(record)))
                .filter(record -> onlyIds.isEmpty() || onlyIds.contains(idOf(record)))
                .toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<String, Object> config = new LinkedHashMap<>(writer);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lead-pipeline-dlq-replay-" + deadLetterTopic);
        List<String> replayedNow = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (ConsumerRecord<byte[], byte[]> record : pending) {
                String id = idOf(record);
                String source = Optional.ofNullable(record.headers().lastHeader(DeadLetters.HEADER_SOURCE_TOPIC))
                        .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                        .orElse(sourceTopicOf(deadLetterTopic));
                RecordHeaders headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!header.key().startsWith(HEADER_PREFIX)) {
                        headers.add(header);
                    }
                }
                headers.add(HEADER_REPLAYED_FROM, id.getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(source, null, record.key(), record.value(), headers));
                producer.send(new ProducerRecord<>(REPLAYS_TOPIC, id.getBytes(StandardCharsets.UTF_8),
                        Instant.now().toString().getBytes(StandardCharsets.UTF_8)));
                replayedNow.add(id);
            }
            producer.commitTransaction();
        }
        return replayedNow;
    }

    static String idOf(ConsumerRecord<?, ?> record) {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }

    private List<String> deadLetterTopics() {
        try (Admin admin = Admin.create(readerConnection())) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(DeadLetters.SUFFIX))
                    .sorted()
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list topics at " + bootstrapServers, e);
        }
    }

    private void ensureReplaysTopic(Map<String, Object> writer) {
        try (Admin admin = Admin.create(writer)) {
            admin.createTopics(List.of(new NewTopic(REPLAYS_TOPIC, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create " + REPLAYS_TOPIC, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + REPLAYS_TOPIC, e);
        }
    }

    private Set<String> replayedIds() {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(REPLAYS_TOPIC)) {
            ids.add(new String(record.key(), StandardCharsets.UTF_8));
        }
        return ids;
    }

    /** Every committed record of a topic, read to its end offsets; empty when the topic does not exist. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> config = readerConnection();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
            if (infos == null) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
            end.putAll(consumer.endOffsets(partitions));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
