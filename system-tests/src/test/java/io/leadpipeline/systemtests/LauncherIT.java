package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.ChildProcess;
import io.leadpipeline.devstack.FreePorts;

/**
 * Proves the README's local run works as written: {@code ./pipeline up -d}, the README's curl, then
 * {@code ./pipeline tail lead.handoffs --from-beginning --max 1} shows the handoff, and {@code ./pipeline down}
 * leaves no process behind; a poison record shows up in {@code ./pipeline dlq list} with its reason and
 * {@code ./pipeline dlq replay} sends it back once. Ports come from the documented env vars (random here: the
 * machine is shared).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SharedPipeline.OWN_PIPELINE_LANE)
class LauncherIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private final Map<String, String> env = new HashMap<>();
    private Path home;

    @Test
    void shouldRunTheReadmeWalkThrough() throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("pipeline.work-dir", "target/system-tests")));
        home = Files.createTempDirectory(workDir, "pipeline-home-");
        env.put("PIPELINE_HOME", home.toString());
        env.put("PIPELINE_JVM_OPTS", System.getProperty(ChildProcess.CHILD_JVM_FLAGS, ""));
        for (String port : List.of("CAPTURE_PORT", "QUALIFICATION_PORT", "ROUTING_PORT", "NURTURE_PORT", "KAFKA_PORT",
                "KAFKA_CONTROLLER_PORT", "REGISTRY_PORT", "REGISTRY_MANAGEMENT_PORT", "OPS_CONSOLE_PORT")) {
            env.put(port, Integer.toString(FreePorts.next()));
        }
        try {
            Result up = pipeline(Duration.ofMinutes(5), "up", "-d");
            assertEquals(0, up.exitCode(), up.output());
            assertTrue(up.output().contains("curl -i -X POST http://localhost:" + env.get("CAPTURE_PORT") + "/v1/conversions"),
                    "up prints where to post a conversion");
            assertTrue(up.output().contains("SASL/SCRAM sign-in, per-service ACLs"), "Kafka is secured by default: " + up.output());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(home.resolve("security/kafka/capture-service.properties"))), "credentials are private");

            String leadId = postReadmeExample();

            Result tail = pipeline(Duration.ofMinutes(2), "tail", "lead.handoffs", "--from-beginning", "--max", "1");
            assertEquals(0, tail.exitCode(), tail.output());
            JsonNode line = JSON.readTree(tail.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
            assertEquals(leadId, line.get("key").asText());
            assertEquals("Acme Robotics", line.at("/value/lead/contact/company").asText());
            assertTrue(line.at("/value/closer/id").asText().startsWith("closer-"));

            assertReadmeTokensWork(leadId, line.at("/value/closer/id").asText(), line.at("/value/handoffId").asText());

            String deadLetterId = deadLetterOfAPoisonRecord();
            Result replay = pipeline(Duration.ofMinutes(1), "dlq", "replay", "lead.conversions", "--id", deadLetterId);
            assertEquals(0, replay.exitCode(), replay.output());
            assertTrue(replay.output().contains("Replayed 1 record(s) to lead.conversions"), replay.output());
            Result again = pipeline(Duration.ofMinutes(1), "dlq", "replay", "lead.conversions", "--id", deadLetterId);
            assertEquals(0, again.exitCode(), again.output());
            assertTrue(again.output().contains("Replayed 0 record(s)"), "a dead letter is replayed once: " + again.output());

            Result status = pipeline(Duration.ofMinutes(1), "status");
            for (String component : List.of("kafka", "registry", "capture", "qualification", "routing", "nurture", "console")) {
                assertTrue(java.util.regex.Pattern.compile("(?m)^" + component + "\\s+\\d+\\s+running").matcher(status.output()).find(),
                        component + " is shown running:\n" + status.output());
            }
            assertTrue(java.util.regex.Pattern.compile("(?m)^capture\\s+\\d+\\s+running\\s+UP").matcher(status.output()).find(),
                    "capture is shown healthy:\n" + status.output());
        } finally {
            List<Long> pids = pids(home.resolve("run"));
            Result down = pipeline(Duration.ofMinutes(3), "down");
            assertEquals(0, down.exitCode(), down.output());
            assertFalse(pids.isEmpty(), "up wrote pid files");
            for (long pid : pids) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is gone after down");
            }
        }
    }

    /**
     * The README's token steps: a lead's profile needs a marketing-ops token from {@code ./pipeline token}; a closer's
     * token answers that closer's handoff and no other closer's; a token's role and closer come from the key under
     * .pipeline/security that only ./pipeline holds.
     */
    private void assertReadmeTokensWork(String leadId, String closerId, String handoffId) throws Exception {
        String leadUrl = "http://localhost:" + env.get("QUALIFICATION_PORT") + "/v1/leads?email=jane.doe@acme-robotics.example";
        assertEquals(401, get(leadUrl, null).statusCode(), "no token, no profile");
        Result marketing = pipeline(Duration.ofMinutes(1), "token", "marketing-ops");
        assertEquals(0, marketing.exitCode(), marketing.output());
        String token = marketing.output().lines().filter(l -> l.startsWith("ey")).findFirst().orElseThrow(() -> new AssertionError(marketing.output()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> profile = get(leadUrl, token);
            assertEquals(200, profile.statusCode(), profile.body());
            assertEquals(leadId, JSON.readTree(profile.body()).get("leadId").asText());
        });
        String other = closerId.equals("closer-ava") ? "closer-ben" : "closer-ava";
        String handoffUrl = "http://localhost:" + env.get("ROUTING_PORT") + "/v1/handoffs/" + handoffId;
        assertEquals(403, get(handoffUrl, tokenOf("closer", other)).statusCode(), "another closer's handoff");
        assertEquals(200, get(handoffUrl, tokenOf("closer", closerId)).statusCode(), "the closer's own handoff");
        Result refused = pipeline(Duration.ofMinutes(1), "token", "root");
        assertEquals(2, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("Unknown role 'root'"), refused.output());
    }

    private String tokenOf(String... roleAndCloser) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("token"));
        args.addAll(List.of(roleAndCloser));
        Result minted = pipeline(Duration.ofMinutes(1), args.toArray(String[]::new));
        assertEquals(0, minted.exitCode(), minted.output());
        return minted.output().lines().filter(l -> l.startsWith("ey")).findFirst().orElseThrow();
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes bytes no service can read to lead.conversions; returns the id ./pipeline dlq list gives its dead letter. */
    private String deadLetterOfAPoisonRecord() throws Exception {
        // ./pipeline up secures Kafka by default: the test signs in as the broker's own admin, from the launcher's files.
        Map<String, Object> admin = io.leadpipeline.kafka.KafkaConnection.of("127.0.0.1:" + env.get("KAFKA_PORT"),
                io.leadpipeline.kafka.KafkaConnection.signInFrom(home.resolve("security/kafka/admin.properties")));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(admin, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("lead.conversions", "poison-key", "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Result list = pipeline(Duration.ofMinutes(1), "dlq", "list", "lead.conversions");
            assertEquals(0, list.exitCode(), list.output());
            for (String line : list.output().lines().filter(l -> l.startsWith("{")).toList()) {
                JsonNode deadLetter = JSON.readTree(line);
                if ("poison-key".equals(deadLetter.path("key").asText())) {
                    assertTrue(deadLetter.get("reason").asText().startsWith("Cannot deserialize"), line);
                    return deadLetter.get("id").asText();
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the poison record never showed up in ./pipeline dlq list lead.conversions");
    }

    private String postReadmeExample() throws IOException, InterruptedException {
        String body = """
                {"email":"jane.doe@acme-robotics.example","formId":"demo-request","formType":"DEMO_REQUEST","firstName":"Jane","lastName":"Doe","company":"Acme Robotics","jobTitle":"VP of Sales","companySize":"500","country":"US","consent":{"marketing":true,"text":"v1"}}""";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + env.get("CAPTURE_PORT") + "/v1/conversions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("leadId").asText();
    }

    private static List<Long> pids(Path runDir) throws IOException {
        List<Long> pids = new ArrayList<>();
        if (Files.isDirectory(runDir)) {
            try (Stream<Path> files = Files.list(runDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    pids.add(Long.parseLong(Files.readString(file).trim()));
                }
            }
        }
        return pids;
    }

    private Result pipeline(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("pipeline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path output = Files.createTempFile("pipeline-", ".out");
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
