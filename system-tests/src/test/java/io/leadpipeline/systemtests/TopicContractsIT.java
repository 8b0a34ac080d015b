package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.service.security.Roles;

/**
 * Proves docs/asyncapi.yaml says what the running pipeline does, topic by topic: the components whose consumer groups
 * read it are its {@code x-readers}; every transactional writer of it (a Kafka Streams app, found from the broker's
 * producer state and transaction list) is its {@code x-writer}; its cleanup policy and retention are the documented ones; and every
 * record key on it has the documented key schema (a lead id is a UUID, a closer id a plain token). Writers outside
 * transactions (capture, routing's HTTP commands) cannot be told apart on the broker, so for them the test checks that
 * no transactional writer shows up. Value schemas are checked by PipelineEndToEndIT.
 */
@ExtendWith(SharedPipeline.class)
class TopicContractsIT {

    private static final Set<String> COMPONENTS = AsyncApiDocument.COMPONENTS;
    private static final Set<String> MUST_HAVE_RECORDS = Set.of("lead.conversions", "lead.engagements", "lead.decisions", "lead.handoffs",
            "lead.handoff-responses", "lead.handoff-outcomes", "lead.nurture-enrollments", "lead.closer-availability");
    private static final String SITE_KEY = "Bearer dev-only-example-server-key";
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final PersistentClient CLIENT = new PersistentClient(Duration.ofSeconds(60));

    private static RunningPipeline pipeline;

    @BeforeAll
    static void usePipeline(RunningPipeline shared) {
        pipeline = shared;
    }

    @Test
    void shouldReadWriteKeyAndKeepEveryTopicAsTheAsyncApiDocumentSays() throws Exception {
        produceOnEveryPipelineTopic();
        List<AsyncApiDocument.Channel> channels = AsyncApiDocument.load(root()).channels();
        List<String> problems = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            Map<String, Set<String>> readers = readersByTopic(admin);
            Map<String, Set<String>> transactionalWriters = transactionalWritersByTopic(admin, existing);
            for (AsyncApiDocument.Channel channel : channels) {
                String topic = channel.topic();
                if (!existing.contains(topic)) {
                    continue; // lead.dlq-replays exists once an operator replayed a dead letter
                }
                Set<String> readBy = readers.getOrDefault(topic, Set.of());
                if (!readBy.equals(new TreeSet<>(channel.readers()))) {
                    problems.add(topic + ": read by " + readBy + ", documented x-readers " + channel.readers());
                }
                Set<String> writtenBy = transactionalWriters.getOrDefault(topic, Set.of());
                if (!channel.writers().containsAll(writtenBy)) {
                    problems.add(topic + ": written in transactions by " + writtenBy + ", documented x-writer " + channel.writers());
                }
                Config config = topicConfig(admin, topic);
                Set<String> policy = java.util.Arrays.stream(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().split(","))
                        .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
                if (!policy.equals(channel.cleanupPolicy())) {
                    problems.add(topic + ": cleanup.policy " + policy + ", documented " + channel.cleanupPolicy());
                }
                long retention = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
                channel.retentionMs().filter(documented -> documented != retention)
                        .ifPresent(documented -> problems.add(topic + ": retention.ms " + retention + ", documented " + documented));
                problems.addAll(keyProblems(topic, channel.keySchema()));
            }
        }
        assertTrue(problems.isEmpty(), "docs/asyncapi.yaml vs the running pipeline:\n" + String.join("\n", problems));
    }

    /** A lead handed off and accepted, one nurtured and engaging, and a closer's availability set: a record on every pipeline topic. */
    private static void produceOnEveryPipelineTopic() throws Exception {
        String salesReady = capture("""
                {"email": "ken.contract@contract-check.example", "formId": "demo-request", "formType": "DEMO_REQUEST", "firstName": "Ken",
                 "company": "Contract Check", "jobTitle": "VP of Sales", "companySize": "500", "country": "US"}""");
        capture("""
                {"email": "nia.contract@gmail.com", "formId": "ebook", "formType": "CONTENT_DOWNLOAD", "jobTitle": "Student",
                 "consent": {"marketing": true, "text": "v1"}}""");
        var engaged = CLIENT.post(pipeline.url("capture-service", "/v1/engagements"), """
                {"type": "PAGE_VIEW", "email": "nia.contract@gmail.com", "url": "https://www.example.com/pricing"}""",
                Map.of("Authorization", SITE_KEY)).orElseThrow();
        assertEquals(202, engaged.statusCode(), engaged.body());
        LeadHandedOff handoff;
        try (TopicReader<LeadHandedOff> handoffs = AvroTopicReaders.reader(pipeline.stack(), "lead.handoffs")) {
            handoff = handoffs.await(r -> r.key().equals(salesReady), 1, ARRIVAL).get(0).value();
        }
        assertEquals(200, send("POST", "/v1/handoffs/" + handoff.getHandoffId() + "/accept", "{}"));
        assertEquals(200, send("PUT", "/v1/closers/" + handoff.getCloser().getId() + "/availability", "{\"active\": true}"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers()))) {
            long deadline = System.nanoTime() + ARRIVAL.toNanos();
            Set<String> empty = emptyTopics(admin);
            while (!empty.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                empty = emptyTopics(admin);
            }
            assertTrue(empty.isEmpty(), "records on every pipeline topic; still empty: " + empty);
        }
    }

    private static Set<String> emptyTopics(Admin admin) throws Exception {
        Set<String> empty = new TreeSet<>();
        for (String topic : MUST_HAVE_RECORDS) {
            if (endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum() == 0) {
                empty.add(topic);
            }
        }
        return empty;
    }

    /** Topic → our components whose consumer group has a member assigned one of its partitions. */
    private static Map<String, Set<String>> readersByTopic(Admin admin) throws Exception {
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(COMPONENTS::contains).toList();
        Map<String, Set<String>> readers = new HashMap<>();
        for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get().values()) {
            group.members().forEach(member -> member.assignment().topicPartitions().forEach(partition ->
                    readers.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(group.groupId())));
        }
        return readers;
    }

    /** Topic → our components that wrote it in a transaction (their transactional ids start with their application id). */
    private static Map<String, Set<String>> transactionalWritersByTopic(Admin admin, Set<String> topics) throws Exception {
        Map<Long, String> componentByProducerId = new HashMap<>();
        for (TransactionListing transaction : admin.listTransactions().all().get()) {
            COMPONENTS.stream().filter(component -> transaction.transactionalId().startsWith(component + "-")).findFirst()
                    .ifPresent(component -> componentByProducerId.put(transaction.producerId(), component));
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription description : admin.describeTopics(topics.stream().filter(t -> t.startsWith("lead.")).toList())
                .allTopicNames().get().values()) {
            description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
        }
        Map<String, Set<String>> writers = new HashMap<>();
        admin.describeProducers(partitions).all().get().forEach((partition, state) -> {
            for (ProducerState producer : state.activeProducers()) {
                String component = componentByProducerId.get(producer.producerId());
                if (component != null) {
                    writers.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(component);
                }
            }
        });
        return writers;
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    /** Every committed record's key on the topic against the documented key schema (type string; format uuid or a pattern). */
    private static List<String> keyProblems(String topic, JsonNode keySchema) throws Exception {
        if (keySchema.isMissingNode() || !"string".equals(keySchema.path("type").asText())) {
            return List.of(topic + ": its message documents no string key (bindings.kafka.key)");
        }
        Pattern pattern = keySchema.has("pattern") ? Pattern.compile(keySchema.get("pattern").asText()) : null;
        boolean uuid = "uuid".equals(keySchema.path("format").asText());
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            if (key == null) {
                problems.add(topic + " offset " + record.offset() + ": a record without a key");
            } else if (uuid && !isUuid(key)) {
                problems.add(topic + " offset " + record.offset() + ": key is not a UUID");
            } else if (pattern != null && !pattern.matcher(key).matches()) {
                problems.add(topic + " offset " + record.offset() + ": key does not match " + pattern);
            }
        }
        return problems;
    }

    private static boolean isUuid(String key) {
        try {
            return UUID.fromString(key).toString().equals(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers()));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> end = endOffsets(admin, topic);
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The last stable offsets: what a read_committed consumer reaches. */
    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Collection<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
                .all().get().forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    private static String capture(String json) throws Exception {
        var response = CLIENT.post(pipeline.url("capture-service", "/v1/conversions"), json, Map.of("Authorization", SITE_KEY)).orElseThrow();
        assertEquals(202, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        return body.get("leadId").asText();
    }

    private static int send(String method, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url("routing-service", path)))
                .header("Content-Type", "application/json").header("Authorization", pipeline.authorization(Roles.SALES_OPS)).method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static Path root() {
        return Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    }
}
