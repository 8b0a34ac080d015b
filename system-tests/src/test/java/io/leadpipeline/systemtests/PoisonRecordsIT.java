package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.service.security.Roles;

/**
 * Proves that every input topic of every service survives poison: raw garbage, an unknown schema id, a valid record
 * of another topic's schema and a valid record under the wrong key each land in that topic's {@code .dlq} once per
 * reading service, with a reason and the original bytes, while the consumer moves past them and the pipeline keeps
 * qualifying, routing and nurturing the leads that follow.
 */
@ExtendWith(SharedPipeline.class)
@Order(SharedPipeline.LAST_POISONS_TOPICS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonRecordsIT {

    /** Closers' work addresses (config/routing.yaml) are staff data, not leads'. */
    private static final String CLOSER_DOMAIN = "@sales.example";

    private static final String SITE_KEY = "Bearer dev-only-example-server-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    /** Each input topic and the services that read it (their application ids, which dead letters name). */
    private static final Map<String, List<String>> READERS = new LinkedHashMap<>();

    static {
        READERS.put("lead.conversions", List.of("qualification-service"));
        READERS.put("lead.engagements", List.of("qualification-service", "nurture-service"));
        READERS.put("lead.handoff-outcomes", List.of("qualification-service", "nurture-service"));
        READERS.put("lead.nurture-enrollments", List.of("qualification-service"));
        READERS.put("lead.decisions", List.of("routing-service", "nurture-service"));
        READERS.put("lead.handoff-responses", List.of("routing-service"));
        READERS.put("lead.closer-availability", List.of("routing-service"));
    }

    private static RunningPipeline pipeline;

    @BeforeAll
    static void usePipeline(RunningPipeline shared) {
        pipeline = shared;
    }

    @Test
    @Order(1)
    void shouldDeadLetterEveryKindOfPoisonOnEveryInputTopicAndKeepProcessing() throws Exception {
        // 1. Real traffic, so every input topic holds a valid record to copy and every schema is registered.
        String nurtured = capture("""
                {"email": "pat.poison@gmail.com", "formId": "ebook", "formType": "CONTENT_DOWNLOAD", "firstName": "Pat",
                 "jobTitle": "Student", "consent": {"marketing": true, "text": "v1"}}""");
        String salesReady = capture(salesReady("robin.before@poison-before.example"));
        post("capture-service", "/v1/engagements", """
                {"type": "PAGE_VIEW", "email": "pat.poison@gmail.com", "url": "https://www.example.com/pricing"}""");
        LeadHandedOff handoff = awaitHandoff(salesReady);
        assertEquals(200, post("routing-service", "/v1/handoffs/" + handoff.getHandoffId() + "/accept", "{}").statusCode());
        assertEquals(200, put("routing-service", "/v1/closers/closer-ava/availability", "{\"active\": true}").statusCode());
        Map<String, byte[]> valid = new LinkedHashMap<>();
        Map<String, String> validKeys = new LinkedHashMap<>();
        for (String topic : READERS.keySet()) {
            ConsumerRecord<String, byte[]> record = anyRecord(topic);
            valid.put(topic, record.value());
            validKeys.put(topic, record.key());
        }
        // A record of another topic's schema: a conversion where an engagement belongs, an engagement everywhere else.
        byte[] conversion = valid.get("lead.conversions");
        byte[] engagement = valid.get("lead.engagements");

        // 2. Four poison records per input topic, all keyed like the lead that follows, so they sit before it.
        String followUpEmail = "casey.after@poison-after.example";
        String followUp = io.leadpipeline.kafka.LeadIds.fromEmail(followUpEmail);
        Map<String, List<byte[]>> poisonByTopic = new LinkedHashMap<>();
        Map<TopicPartition, Long> poisonOffsets = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : READERS.keySet()) {
                // Under another closer's key than the valid record's own (whichever closer an earlier test changed).
                String key = !topic.equals("lead.closer-availability") ? followUp
                        : validKeys.get(topic).equals("closer-ben") ? "closer-chen" : "closer-ben";
                List<byte[]> poison = List.of(
                        "this is not Avro at all".getBytes(StandardCharsets.UTF_8),
                        new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2, 4, 6}, // magic byte, then a schema id nobody registered
                        topic.equals("lead.engagements") ? conversion : engagement,
                        valid.get(topic)); // decodes fine, but under this key it belongs to another lead (or closer)
                poisonByTopic.put(topic, poison);
                for (byte[] value : poison) {
                    RecordMetadata written = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
                    poisonOffsets.merge(new TopicPartition(topic, written.partition()), written.offset(), Math::max);
                }
            }
        }

        // 3. The pipeline goes on: a sales-ready lead after the poison is handed off, a not-ready one is nurtured.
        String after = capture(salesReady(followUpEmail));
        assertEquals(followUp, after);
        awaitHandoff(after);
        String nurturedAfter = capture("""
                {"email": "sky.after@gmail.com", "formId": "ebook", "formType": "CONTENT_DOWNLOAD", "firstName": "Sky",
                 "jobTitle": "Student", "consent": {"marketing": true, "text": "v1"}}""");
        // Read as bytes: this topic now holds our poison too, which no decoding reader gets past.
        try (TopicReader<byte[]> enrollments = new TopicReader<>(pipeline.stack().bootstrapServers(), "lead.nurture-enrollments",
                new ByteArrayDeserializer())) {
            assertEquals(1, enrollments.await(r -> r.key().equals(nurturedAfter), 1, ARRIVAL).size(), "nurture goes on");
            assertTrue(enrollments.all().stream().anyMatch(r -> r.key().equals(nurtured)), "the first lead was nurtured too");
        }

        // 4. Every poison record is in its topic's dead letters once per reading service, bytes unchanged, with a reason.
        List<String> problems = new ArrayList<>();
        for (var entry : poisonByTopic.entrySet()) {
            String topic = entry.getKey();
            List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(topic, READERS.get(topic).size() * entry.getValue().size());
            for (String service : READERS.get(topic)) {
                List<ConsumerRecord<String, byte[]>> mine = deadLetters.stream().filter(r -> service.equals(header(r, DeadLetters.HEADER_SERVICE))).toList();
                for (int i = 0; i < entry.getValue().size(); i++) {
                    byte[] poison = entry.getValue().get(i);
                    long copies = mine.stream().filter(r -> java.util.Arrays.equals(poison, r.value())).count();
                    if (copies != 1) {
                        problems.add(service + " wrote " + copies + " dead letters for poison #" + (i + 1) + " on " + topic);
                    }
                }
                for (ConsumerRecord<String, byte[]> deadLetter : mine) {
                    String reason = header(deadLetter, DeadLetters.HEADER_REASON);
                    if (reason == null || reason.isBlank() || hasLeadEmail(reason) || !topic.equals(header(deadLetter, DeadLetters.HEADER_SOURCE_TOPIC))) {
                        problems.add(service + " dead letter on " + topic + " lacks a clean reason or source: " + reason);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        // 5. No consumer is stuck before its poison: every reading service committed past it.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers()))) {
            for (String service : Set.of("qualification-service", "routing-service", "nurture-service")) {
                long deadline = System.nanoTime() + ARRIVAL.toNanos();
                List<String> behind = behind(admin, service, poisonOffsets);
                while (!behind.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    behind = behind(admin, service, poisonOffsets);
                }
                assertTrue(behind.isEmpty(), service + " did not move past its poison on " + behind);
            }
        }
    }

    /** The line with every address replaced, so a failure shows where without spreading it. */
    private static String masked(String line) {
        String masked = line;
        for (String address : EmailAddressesInText.in(line)) {
            masked = masked.replace(address, "<address>").replace(address.replace("@", "%40"), "<address>");
        }
        return masked;
    }

    private static boolean hasLeadEmail(String text) {
        return EmailAddressesInText.in(text).stream().anyMatch(address -> !address.endsWith(CLOSER_DOMAIN));
    }

    /**
     * Last of the shared run, after every class's leads, hostile requests, dead letters and the poison above: no lead's
     * email address is in any metric (name or label) of any service or the console, nor in any log line of any process
     * (every service, the console, the broker, the registry).
     */
    @Test
    @Order(2)
    void shouldKeepLeadsEmailAddressesOutOfEveryMetricAndEveryLog() throws Exception {
        List<String> found = new ArrayList<>();
        List<String> components = new ArrayList<>(RunningPipeline.SERVICES);
        components.add(RunningPipeline.OPS_CONSOLE);
        for (String component : components) {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(component, "/q/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), component + " serves its metrics");
            assertTrue(metrics.body().contains("# TYPE"), component + " metrics are Prometheus text");
            metrics.body().lines().filter(PoisonRecordsIT::hasLeadEmail)
                    .forEach(line -> found.add(component + " metric " + masked(line)));
        }
        java.nio.file.Path logs = pipeline.workDir().resolve("logs");
        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(logs)) {
            files = listing.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertTrue(files.size() > RunningPipeline.SERVICES.size(), "every process's log is there: " + files);
        for (java.nio.file.Path file : files) {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(java.nio.file.Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)))) {
                String line;
                int number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (hasLeadEmail(line)) {
                        found.add(file.getFileName() + ":" + number); // where, not what: the report must not spread it
                    }
                }
            }
        }
        assertEquals(List.of(), found, "lead email addresses in metrics or logs");
    }

    private static List<String> behind(Admin admin, String group, Map<TopicPartition, Long> poisonOffsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        List<String> behind = new ArrayList<>();
        poisonOffsets.forEach((partition, lastPoison) -> {
            if (READERS.get(partition.topic()).contains(group)) {
                OffsetAndMetadata position = committed.get(partition);
                if (position == null || position.offset() <= lastPoison) {
                    behind.add(partition + " at " + (position == null ? "nothing" : position.offset()) + ", poison at " + lastPoison);
                }
            }
        });
        return behind;
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, int expected) {
        try (TopicReader<byte[]> reader = new TopicReader<>(pipeline.stack().bootstrapServers(), DeadLetters.topicFor(topic),
                new ByteArrayDeserializer())) {
            reader.await(r -> true, expected, ARRIVAL);
            return reader.settle(r -> true, Duration.ofSeconds(2));
        }
    }

    private static ConsumerRecord<String, byte[]> anyRecord(String topic) {
        try (TopicReader<byte[]> reader = new TopicReader<>(pipeline.stack().bootstrapServers(), topic, new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> true, 1, ARRIVAL);
            assertFalse(records.isEmpty(), "a valid record on " + topic);
            return records.get(0);
        }
    }

    private static LeadHandedOff awaitHandoff(String leadId) {
        try (TopicReader<LeadHandedOff> handoffs = AvroTopicReaders.reader(pipeline.stack(), "lead.handoffs")) {
            List<ConsumerRecord<String, LeadHandedOff>> found = handoffs.await(r -> r.key().equals(leadId), 1, ARRIVAL);
            assertEquals(1, found.size(), "the sales-ready lead was handed off");
            return found.get(0).value();
        }
    }

    private static String salesReady(String email) {
        return """
                {"email": "%s", "formId": "demo-request", "formType": "DEMO_REQUEST", "firstName": "Robin", "company": "Poison Test Co",
                 "jobTitle": "VP of Sales", "companySize": "500", "country": "US"}""".formatted(email);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Posts a conversion as a website would: a 503 (the first writes right after start-up can be slow) is retried. */
    private static String capture(String json) throws Exception {
        HttpResponse<String> response = post("capture-service", "/v1/conversions", json);
        for (int attempt = 1; response.statusCode() == 503 && attempt < 10; attempt++) {
            Thread.sleep(2_000);
            response = post("capture-service", "/v1/conversions", json);
        }
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("leadId").asText();
    }

    private static HttpResponse<String> post(String service, String path, String json) throws Exception {
        // capture takes the site's API key; routing a sales-ops token
        String authorization = service.equals("capture-service") ? SITE_KEY : pipeline.authorization(Roles.SALES_OPS);
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(service, path))).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String service, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(service, path))).header("Content-Type", "application/json")
                .header("Authorization", pipeline.authorization(Roles.SALES_OPS)).PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
