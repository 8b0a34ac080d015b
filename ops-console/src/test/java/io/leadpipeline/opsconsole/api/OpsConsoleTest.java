package io.leadpipeline.opsconsole.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.opsconsole.PipelineTraffic;
import io.leadpipeline.opsconsole.RoutingRosterStub;
import io.leadpipeline.opsconsole.config.Topics;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SignedInAs;
import io.leadpipeline.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Proves the console on a real broker and registry: events written the way the services write them show up in the
 * funnel, lead journeys, sales floor, flow health and the live stream of its JSON endpoints.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(RoutingRosterStub.class)
@SignedInAs(Roles.OPS)
class OpsConsoleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @TestHTTPResource("/api/stream?window=1h")
    URL stream;

    private PipelineTraffic traffic;

    @BeforeEach
    void connect() {
        traffic = new PipelineTraffic(bootstrapServers, registryUrl);
    }

    @AfterEach
    void disconnect() {
        traffic.close();
    }

    @Test
    void shouldSendSecurityHeadersWithThePageAndItsApi() {
        for (String path : List.of("/", "/app.js", "/api/health")) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    @Test
    void shouldCountEachLeadOnceOnEveryFunnelStepItReached() {
        Map<String, Integer> before = funnel("1h");

        traffic.acceptedSalesLead(unique("buyer") + "@initech.example");
        traffic.requalifiedNurtureLead(unique("reader") + "@gmail.example");
        traffic.reassignedSalesLead(unique("cto") + "@globex.example");

        Map<String, Integer> expected = plus(before, Map.of("CAPTURED", 3, "MQL", 3, "SQL", 2, "HANDED_OFF", 2,
                "ACCEPTED", 1, "REJECTED", 1, "NURTURED", 1, "REQUALIFIED", 1));
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(expected, funnel("1h")));
        assertEquals(expected.get("CAPTURED") - before.get("CAPTURED"),
                funnel("all").get("CAPTURED") - before.get("CAPTURED"), "all time counts them too");
        JsonPath report = given().get("/api/funnel?window=1h").then().statusCode(200).extract().jsonPath();
        assertEquals("1h", report.getString("window"));
        assertEquals((double) expected.get("SQL") / expected.get("MQL"),
                report.getDouble("steps.find { it.step == 'SQL' }.rate"), 1e-6);
    }

    @Test
    void shouldShowEveryEventOfALeadFoundByEmailInOrderWithReasons() {
        String email = unique("Reader") + "@Gmail.example";
        String leadId = traffic.requalifiedNurtureLead(email);

        String byEmail = "/api/leads/" + "  " + email.toUpperCase() + " " + "/timeline";
        await().atMost(PATIENCE).untilAsserted(() -> given().get(byEmail).then().statusCode(200)
                .body("events.size()", equalTo(7)));
        JsonPath journey = given().get(byEmail).then().extract().jsonPath();
        assertEquals(leadId, journey.getString("leadId"));
        assertEquals("MQL", journey.getString("stage"));
        assertEquals(List.of("ConversionCaptured", "QualificationDecided", "NurtureEnrolled", "NurtureTouchDue",
                "EngagementTracked", "QualificationDecided", "NurtureExited"), journey.getList("events.event"));
        assertEquals(List.of(Topics.CONVERSIONS, Topics.DECISIONS, Topics.NURTURE_ENROLLMENTS, Topics.NURTURE_TOUCHES,
                Topics.ENGAGEMENTS, Topics.DECISIONS, Topics.NURTURE_ENROLLMENTS), journey.getList("events.topic"));
        assertEquals("Decided REJECTED (LOW_SCORE)", journey.getString("events[1].summary"));
        assertEquals("Writes from a free-mail address", journey.getString("events[1].reasons[0].description"));
        assertEquals("Enrolled in nurture track 'warm-up' (LOW_SCORE)", journey.getString("events[2].summary"));
        assertEquals("Left nurture track 'warm-up' (QUALIFIED)", journey.getString("events[6].summary"));

        given().get("/api/leads/" + leadId.toUpperCase() + "/timeline").then().statusCode(200)
                .body("events.size()", equalTo(7));
    }

    @Test
    void shouldShowEachClosersOpenLoadAgainstRoutingsCapacityWithBreachesAndReassignments() {
        Map<String, JsonNode> before = closers();

        traffic.acceptedSalesLead(unique("buyer") + "@initech.example");
        traffic.reassignedSalesLead(unique("cto") + "@globex.example");

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, JsonNode> now = closers();
            assertEquals(count(before, "closer-ava", "accepted") + 1, count(now, "closer-ava", "accepted"));
            assertEquals(count(before, "closer-ben", "slaBreaches") + 1, count(now, "closer-ben", "slaBreaches"));
            assertEquals(count(before, "closer-ben", "reassigned") + 1, count(now, "closer-ben", "reassigned"));
            assertEquals(count(before, "closer-chen", "open") + 1, count(now, "closer-chen", "open"));
            assertEquals(4, now.get("closer-chen").get("capacity").asInt(), "capacity comes from routing's roster");
            assertEquals("Chen Li", now.get("closer-chen").get("name").asText());
            assertEquals(false, now.get("closer-chen").get("onDuty").asBoolean(), "Chen is out of office");
        });
        assertEquals(count(before, "closer-ava", "open"), count(closers(), "closer-ava", "open"),
                "an accepted handoff is no longer open");
    }

    @Test
    void shouldReportDeadLettersLatencyFlowAndServiceLag() throws Exception {
        JsonPath before = given().get("/api/health?window=1h").then().statusCode(200).extract().jsonPath();
        long deadLettersBefore = before.getLong("deadLetters.total");
        int latencyBefore = before.getInt("latency.count");

        String leadId = traffic.acceptedSalesLead(unique("buyer") + "@initech.example");
        traffic.reassignedSalesLead(unique("cto") + "@globex.example");
        String reason = "Cannot deserialize: Unknown magic byte " + UUID.randomUUID();
        traffic.deadLetter(leadId, reason);
        Map<TopicPartition, Long> conversionEnds = commitOffsetZeroAs("qualification-service", Topics.CONVERSIONS);
        long expectedLag = conversionEnds.values().stream().mapToLong(Long::longValue).sum();

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath health = given().get("/api/health?window=1h").then().statusCode(200).extract().jsonPath();
            assertEquals(deadLettersBefore + 1, health.getLong("deadLetters.total"));
            assertTrue(health.getList("deadLetters.topReasons.reason").contains(reason));
            assertEquals(latencyBefore + 2, health.getInt("latency.count"), "both first handoffs are measured");
            assertEquals(String.valueOf(expectedLag),
                    health.getString("consumerGroups.find { it.group == 'qualification-service' }.totalLag"),
                    () -> "lag of a group that has read nothing: " + health.getString("consumerGroups"));
            assertTrue(health.getDouble("topics.find { it.topic == 'lead.conversions' }.perSecond") > 0,
                    "conversions were written within the last minute");
        });
        JsonPath health = given().get("/api/health?window=1h").then().extract().jsonPath();
        assertTrue(health.getLong("latency.p99Millis") >= 900, "the accepted lead took 900 ms from capture to handoff");
        assertEquals(List.of("nurture-service", "qualification-service", "routing-service"),
                health.getList("consumerGroups.group", String.class).stream().sorted().toList());
        assertEquals(deadLettersBefore + 1, health.getLong("deadLetters.byTopic.'lead.conversions.dlq'"));
        given().get("/api/leads/" + leadId + "/timeline").then().statusCode(200)
                .body("events.event", org.hamcrest.Matchers.hasItem("DeadLetter"));
    }

    @Test
    void shouldStreamTheOverviewAsServerSentEvents() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(stream.toURI())
                .header("Accept", "text/event-stream").header("Authorization", TestTokens.bearer(Roles.OPS)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<JsonNode> events = new java.util.ArrayList<>();
            for (String line = lines.readLine(); line != null && events.size() < 2; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    events.add(new ObjectMapper().readTree(line.substring("data:".length())));
                }
            }
            assertEquals(2, events.size(), "a first overview at once and another after the interval");
            assertEquals("1h", events.get(0).get("window").asText());
            assertEquals(8, events.get(0).get("funnel").get("steps").size());
            assertTrue(events.get(1).has("health") && events.get(1).has("closers"));
        }
    }

    @Test
    void shouldAnswerProblemsForAnUnknownWindowAndAnUnknownLead() {
        given().get("/api/funnel?window=3w").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("1h, 24h, 7d, all"));
        given().get("/api/leads/nobody@nowhere.example/timeline").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(LeadIds.fromEmail("nobody@nowhere.example")));
        given().get("/api/leads/not-a-lead/timeline").then().statusCode(400);
        given().get("/").then().statusCode(200).body(containsString("Lead journey"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Commits offset 0 on every partition of the topic for a group, as a service that has read nothing would. */
    private Map<TopicPartition, Long> commitOffsetZeroAs(String group, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.commitSync(partitions.stream().collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0))));
            return consumer.endOffsets(partitions);
        }
    }

    private static Map<String, Integer> funnel(String window) {
        JsonPath report = given().get("/api/funnel?window=" + window).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> counts = new HashMap<>();
        List<Map<String, Object>> steps = report.getList("steps");
        steps.forEach(step -> counts.put((String) step.get("step"), ((Number) step.get("count")).intValue()));
        return counts;
    }

    private static Map<String, JsonNode> closers() {
        String body = given().get("/api/closers").then().statusCode(200).extract().asString();
        Map<String, JsonNode> byId = new HashMap<>();
        try {
            new ObjectMapper().readTree(body).get("closers").forEach(row -> byId.put(row.get("closerId").asText(), row));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return byId;
    }

    private static long count(Map<String, JsonNode> closers, String closerId, String field) {
        JsonNode row = closers.get(closerId);
        return row == null ? 0 : row.get(field).asLong();
    }

    private static Map<String, Integer> plus(Map<String, Integer> base, Map<String, Integer> delta) {
        Map<String, Integer> sum = new HashMap<>(base);
        delta.forEach((step, count) -> sum.merge(step, count, Integer::sum));
        return sum;
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
