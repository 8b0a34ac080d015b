package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.ChildProcess;
import io.leadpipeline.devstack.FreePorts;
import io.leadpipeline.devstack.Probes;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.service.security.Roles;

/**
 * Proves capture's idempotency holds across instances and restarts: two packaged capture-service processes (the shared
 * pipeline's and one more), and one started after the first answer, give a retried Idempotency-Key, and a double
 * click, the same conversionId, and qualification counts it as one conversion.
 */
@ExtendWith(SharedPipeline.class)
class CaptureIdempotencyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration ARRIVAL = Duration.ofSeconds(90);
    /** capture.yaml's idempotency.doubleClickWindow. */
    private static final Duration DOUBLE_CLICK_WINDOW = Duration.ofSeconds(10);

    private static Path root;
    private static Path workDir;
    private static RunningPipeline pipeline;
    /** The shared pipeline's own capture instance: the first of the two instances under test. */
    private static String captureA;
    /** A second capture instance of this class's own, beside it for both tests. */
    private static ChildProcess secondCapture;
    private static String captureB;

    /** The shared pipeline's broker, registry, qualification and capture, and one more capture instance. */
    @BeforeAll
    static void startSecondInstance(RunningPipeline shared) {
        pipeline = shared;
        root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
        workDir = shared.workDir();
        captureA = shared.url("capture-service", "");
        int port = FreePorts.next();
        secondCapture = startService("capture-service", port);
        captureB = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondCapture != null) {
            secondCapture.close();
        }
    }

    @Test
    void shouldGiveARetryOnAnotherInstanceAndAfterARestartTheSameConversion() throws Exception {
        String email = "retry.everywhere@acme-robotics.example";
        String body = "{\"email\": \"" + email + "\", \"formId\": \"demo-request\", \"company\": \"Acme Robotics\"}";
        String key = UUID.randomUUID().toString();
        JsonNode first = capture(captureA, body, key);
        JsonNode onB = capture(captureB, body, key);
        // An instance started after the first answer: it knows the key only from what the first one stored.
        int portRestarted = FreePorts.next();
        JsonNode afterRestart;
        try (ChildProcess restarted = startService("capture-service", portRestarted)) {
            afterRestart = capture("http://127.0.0.1:" + portRestarted, body, key);
        }
        String conversionId = first.get("conversionId").asText();
        assertEquals(conversionId, onB.get("conversionId").asText(), "another instance answers the retry with the same id");
        assertEquals(conversionId, afterRestart.get("conversionId").asText(), "so does a restarted one");
        assertOneConversionDownstream(email, first.get("leadId").asText(), conversionId, captureB);
    }

    @Test
    void shouldGiveADoubleClickSpreadOverTwoInstancesOneConversion() throws Exception {
        String email = "double.click@acme-robotics.example";
        String body = "{\"email\": \"" + email + "\", \"formId\": \"newsletter\", \"firstName\": \"Dee\"}";
        awaitStartOfADoubleClickWindow();
        JsonNode onA = capture(captureA, body, null);
        JsonNode onB = capture(captureB, body, null);

        String conversionId = onA.get("conversionId").asText();
        assertEquals(conversionId, onB.get("conversionId").asText());
        assertOneConversionDownstream(email, onA.get("leadId").asText(), conversionId, captureA);
    }

    /**
     * Every record of the lead on lead.conversions carries {@code conversionId} (copies are fine: consumers dedupe),
     * and qualification counted one conversion: a later, different conversion of the same lead (same partition,
     * so read after the copies) shows up as the second and last conversion activity.
     */
    private static void assertOneConversionDownstream(String email, String leadId, String conversionId, String capture)
            throws Exception {
        String later = capture(capture, "{\"email\": \"" + email + "\", \"formId\": \"ebook\"}", null)
                .get("conversionId").asText();
        try (TopicReader<ConversionCaptured> conversions = conversionsReader()) {
            conversions.await(r -> r.value().getConversionId().equals(later), 1, ARRIVAL);
            List<String> ids = conversions.settle(r -> r.key().equals(leadId), Duration.ofSeconds(2)).stream()
                    .map(r -> r.value().getConversionId()).distinct().toList();
            assertEquals(List.of(conversionId, later), ids, "one conversion id for all the copies, then the later one");
        }
        List<String> counted = new ArrayList<>();
        Awaitility.await().atMost(ARRIVAL).pollInterval(Duration.ofSeconds(1)).until(() -> {
            counted.clear();
            counted.addAll(conversionActivities(leadId));
            return counted.contains(later);
        });
        assertEquals(Set.of(conversionId, later), Set.copyOf(counted));
        assertEquals(2, counted.size(), "qualification counted the retried conversion once: " + counted);
    }

    private static List<String> conversionActivities(String leadId) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(pipeline.url("qualification-service", "/v1/leads/" + leadId)))
                .header("Authorization", pipeline.authorization(Roles.MARKETING_OPS)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return List.of();
        }
        return StreamSupport.stream(JSON.readTree(response.body()).path("activities").spliterator(), false)
                .filter(activity -> "CONVERSION".equals(activity.path("kind").asText()))
                .map(activity -> activity.path("eventId").asText())
                .toList();
    }

    private static JsonNode capture(String capture, String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(capture + "/v1/conversions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Key-less double clicks are one conversion within a window of a fixed grid: start right after a boundary. */
    private static void awaitStartOfADoubleClickWindow() throws InterruptedException {
        long windowMillis = DOUBLE_CLICK_WINDOW.toMillis();
        long intoWindow = Math.floorMod(Instant.now().toEpochMilli(), windowMillis);
        if (intoWindow > windowMillis / 4) {
            Thread.sleep(windowMillis - intoWindow + 50);
        }
    }

    private static ChildProcess startService(String service, int port) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
        }
        List<String> command = ChildProcess.javaCommand();
        command.addAll(List.of("-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + pipeline.stack().bootstrapServers(),
                "-Dapicurio.registry.url=" + pipeline.stack().registryUrl(),
                "-Dkafka-streams.state.dir=" + workDir.resolve("idempotency-state-" + port),
                "-Dpipeline.config-dir=" + root.resolve("config"),
                "-Dmp.jwt.verify.publickey.location=" + pipeline.verifyKey(),
                "-jar", jar.toString()));
        return ChildProcess.start(service, command, workDir.resolve("logs/idempotency-" + service + "-" + port + ".log"),
                Duration.ofSeconds(120), () -> Probes.httpOk("http://127.0.0.1:" + port + "/q/health/ready"));
    }

    private static TopicReader<ConversionCaptured> conversionsReader() {
        return AvroTopicReaders.reader(pipeline.stack(), "lead.conversions");
    }
}
