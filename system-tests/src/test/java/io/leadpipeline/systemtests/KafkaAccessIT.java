package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.KafkaCredentials;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.operatortools.DeadLetterTool;
import io.leadpipeline.service.security.Roles;

/**
 * The pipeline as {@code ./pipeline up} runs it by default: Kafka asks every client to sign in (SASL/SCRAM) and
 * enforces the ACLs of dev-stack's KafkaAccess table. The broker itself refuses a service writing another's topic,
 * reading what it does not consume, the console writing anything, and a client without (or with wrong) credentials;
 * and the whole pipeline still works end to end, every service and the console signed in as itself.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SharedPipeline.OWN_PIPELINE_LANE)
class KafkaAccessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private static RunningPipeline pipeline;
    private static KafkaCredentials credentials;

    @BeforeAll
    static void startSecuredPipeline() throws Exception {
        pipeline = RunningPipeline.start(RunningPipeline.Options.securedWithOpsConsole());
        credentials = pipeline.stack().credentials().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldRefuseAServiceWritingATopicAnotherServiceOwns() throws Exception {
        assertInstanceOf(TopicAuthorizationException.class, refusalOfWrite("capture-service", "lead.decisions"),
                "capture may not write qualification's decisions");
        assertInstanceOf(TopicAuthorizationException.class, refusalOfWrite("nurture-service", "lead.handoffs"),
                "nurture may not write routing's handoffs");
    }

    @Test
    void shouldRefuseTheConsoleAndTheOperatorAnyWrite() throws Exception {
        for (String readOnly : List.of("ops-console", "operator")) {
            // Refused on the topic, or (it may write nothing at all) already as an idempotent producer.
            assertInstanceOf(AuthorizationException.class, refusalOfWrite(readOnly, "lead.conversions"), readOnly + " only reads");
        }
    }

    @Test
    void shouldRefuseAServiceReadingATopicItDoesNotConsume() {
        Map<String, Object> config = settings("capture-service");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "capture-service-snoop");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            assertThrows(TopicAuthorizationException.class, () -> consumer.partitionsFor("lead.handoffs", Duration.ofSeconds(20)),
                    "capture consumes nothing, so it may not read the handoffs");
        }
    }

    @Test
    void shouldRefuseAClientWithoutCredentialsOrWithWrongOnes() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        try (Admin admin = Admin.create(anonymous)) {
            assertThrows(ExecutionException.class, () -> admin.listTopics().names().get(10, TimeUnit.SECONDS),
                    "a plaintext client gets no answer from the SASL listener");
        }

        Map<String, Object> wrongPassword = settings("capture-service");
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"capture-service\" password=\"not-the-password\";");
        wrongPassword.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        wrongPassword.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(wrongPassword)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> admin.listTopics().names().get(15, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), "a wrong password is refused at sign-in");
        }
    }

    @Test
    void shouldRunThePipelineEndToEndWithEveryServiceSignedInAsItself() throws Exception {
        String salesReady = capture("""
                {"email": "nora.secure@globex.example", "formId": "demo-request", "formType": "DEMO_REQUEST",
                 "firstName": "Nora", "company": "Globex", "jobTitle": "VP of Sales",
                 "companySize": "900", "country": "US", "consent": {"marketing": true, "text": "v1"}}
                """);
        String notReady = capture("""
                {"email": "ola.reader@gmail.com", "formId": "ebook", "formType": "CONTENT_DOWNLOAD",
                 "firstName": "Ola", "jobTitle": "Student", "consent": {"marketing": true, "text": "v1"}}
                """);

        try (TopicReader<LeadHandedOff> handoffs = AvroTopicReaders.reader(pipeline.stack(), "lead.handoffs");
                TopicReader<NurtureEnrollmentChanged> enrollments = AvroTopicReaders.reader(pipeline.stack(), "lead.nurture-enrollments");
                TopicReader<HandoffOutcomeRecorded> outcomes = AvroTopicReaders.reader(pipeline.stack(), "lead.handoff-outcomes")) {
            LeadHandedOff handoff = handoffs.await(r -> r.key().equals(salesReady), 1, ARRIVAL).get(0).value();
            assertEquals(1, enrollments.await(r -> r.key().equals(notReady), 1, ARRIVAL).size(), "the other lead is nurtured");

            // The closer's answer goes through routing's API, its own topic and its Streams app, all as routing-service.
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(
                    pipeline.url("routing-service", "/v1/handoffs/" + handoff.getHandoffId() + "/accept")))
                    .header("Authorization", pipeline.closerAuthorization(handoff.getCloser().getId()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals(1, outcomes.await(r -> r.key().equals(salesReady), 1, ARRIVAL).size(), "the acceptance is recorded");
        }

        // The console, signed in as ops-console (read-only), has read both leads.
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline && seen < 2) {
            seen = 0;
            for (String lead : List.of(salesReady, notReady)) {
                HttpResponse<String> journey = HTTP.send(HttpRequest.newBuilder(URI.create(
                        pipeline.url(RunningPipeline.OPS_CONSOLE, "/api/leads/" + lead + "/timeline")))
                        .header("Authorization", pipeline.authorization(Roles.OPS)).build(), HttpResponse.BodyHandlers.ofString());
                seen += journey.statusCode() == 200 ? 1 : 0;
            }
            Thread.sleep(500);
        }
        assertEquals(2, seen, "the console shows both leads' journeys");
    }

    @Test
    void shouldDeadLetterAPoisonRecordAndReplayItAsTheTopicsOwner() throws Exception {
        String key = "poison-" + java.util.UUID.randomUUID();
        Map<String, Object> admin = pipeline.stack().clientSettings();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(admin, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("lead.conversions", key, "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
        // qualification-service dead-letters it (it may write the dead letters of what it reads); the operator lists it.
        DeadLetterTool operator = new DeadLetterTool(pipeline.stack().bootstrapServers(), java.util.Optional.of(credentials.dir()));
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        List<String> ids = List.of();
        while (ids.isEmpty() && System.nanoTime() < deadline) {
            ids = operator.list(java.util.Optional.of("lead.conversions")).stream()
                    .filter(line -> key.equals(line.path("key").asText())).map(line -> line.path("id").asText()).toList();
            Thread.sleep(500);
        }
        assertEquals(1, ids.size(), "the poison record is dead-lettered once");

        // The replay writes lead.conversions as its owner, capture-service: the broker lets it.
        assertEquals(ids, operator.replay("lead.conversions", ids));
        try (TopicReader<byte[]> conversions = new TopicReader<>(admin, "lead.conversions",
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            assertEquals(2, conversions.await(r -> r.key().equals(key), 2, ARRIVAL).size(), "the original and its replay");
        }
    }

    private static Map<String, Object> settings(String principal) {
        Map<String, Object> config = new HashMap<>(credentials.clientSettings(principal));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers());
        return config;
    }

    /** What the broker answered {@code principal} writing a record to {@code topic}; fails the test if the write went through. */
    private static Throwable refusalOfWrite(String principal, String topic) throws Exception {
        Map<String, Object> config = settings(principal);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "lead-1", "not allowed")).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            // A refused idempotent producer fails in send() itself, the authorization error as its cause.
            return e instanceof AuthorizationException || e.getCause() == null ? e : e.getCause();
        }
        throw new AssertionError(principal + " wrote to " + topic);
    }

    private static String capture(String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url("capture-service", "/v1/conversions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("leadId").asText();
    }
}
