package io.leadpipeline.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.rules.RulesVersion;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.EventTopics;

/**
 * Proves the rules are data, as a user changes them: {@code ./pipeline rules apply config/scoring.yaml} on a pipeline
 * with two qualification instances reaches both without a restart (each reports the new version), and every decision
 * made after it, whichever instance owns the lead, carries the new {@code rulesVersion}; a broken file is refused
 * naming its line, and nothing changes anywhere, as does one applied over a version replaced since; the backtest
 * answers on the recorded history with the numbers worked out by hand. Last, the two instances show a graceful
 * scale-down: the stopped one leaves the group as it closes, and the other decides the leads of its partitions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesAsDataIT {

    private static final String QUALIFICATION = "qualification-service";
    private static final String SECOND = RunningPipeline.instance(QUALIFICATION, 2);
    /** The service's Kafka Streams application id, which is its consumer group. */
    private static final String GROUP = "qualification-service";
    private static final Duration ARRIVAL = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningPipeline pipeline;

    @BeforeAll
    static void startTwoQualificationInstances() throws Exception {
        pipeline = RunningPipeline.start(new RunningPipeline.Options(false, false, List.of(), List.of(QUALIFICATION), null));
        pipeline.startServices(List.of(SECOND));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldApplyAScoringChangeToEveryInstanceWithoutARestartAndStampTheNextDecisionsWithIt(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(root().resolve("config/scoring.yaml"));
        assertEquals(RulesVersion.of(shipped.getBytes(StandardCharsets.UTF_8)), version(QUALIFICATION), "seeded from config/scoring.yaml");
        Path edited = dir.resolve("scoring.yaml");
        Files.writeString(edited, shipped.replace("mql: 60", "mql: 55"));
        String expected = RulesVersion.of(Files.readAllBytes(edited));

        Result applied = pipeline("rules", "apply", edited.toString());

        assertEquals(0, applied.exitCode(), applied.output());
        assertTrue(applied.output().contains("scoring: " + expected + " applied"), applied.output());
        assertTrue(applied.output().contains("thresholds.mql: 60 -> 55"), applied.output());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(expected, version(QUALIFICATION));
            assertEquals(expected, version(SECOND), "the other instance applied it too, without a restart");
        });

        List<ConversionCaptured> leads = new ArrayList<>();
        BenchLeads bench = new BenchLeads("rules-" + System.nanoTime());
        EventTopics topics = new EventTopics(pipeline.stack().clientSettings(), pipeline.stack().registryUrl());
        for (int n = 0; n < 12; n++) { // spread over the partitions, so over both instances
            ConversionCaptured conversion = bench.conversion(BenchLeads.Kind.SALES_READY, n, Instant.now());
            topics.send("lead.conversions", conversion.getLeadId(), conversion);
            leads.add(conversion);
        }
        Set<String> ids = new TreeSet<>(leads.stream().map(ConversionCaptured::getLeadId).toList());
        try (TopicReader<QualificationDecided> decisions = AvroTopicReaders.reader(pipeline.stack(), "lead.decisions")) {
            List<ConsumerRecord<String, QualificationDecided>> decided = decisions.await(r -> ids.contains(r.key()), ids.size(), ARRIVAL);
            assertEquals(Set.of(expected), new TreeSet<>(decided.stream().map(r -> r.value().getRulesVersion()).toList()),
                    "every decision after the change carries its version");
        }

        Result show = pipeline("rules", "show", "scoring");
        assertEquals(0, show.exitCode(), show.output());
        assertTrue(show.output().contains(expected) && show.output().contains(RulesVersion.of(shipped.getBytes(StandardCharsets.UTF_8))),
                "the history shows the seed under the new version:\n" + show.output());
    }

    @Test
    void shouldRefuseABrokenFileNamingItsLineAndChangeNothing(@TempDir Path dir) throws Exception {
        String before = version(QUALIFICATION);
        Path broken = dir.resolve("scoring.yaml");
        Files.writeString(broken, Files.readString(root().resolve("config/scoring.yaml")).replace("sql: 100", "sql: lots"));
        int line = lineOf(broken, "sql: lots");

        Result refused = pipeline("rules", "apply", broken.toString());

        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains(broken + ":" + line + ": thresholds.sql: "), refused.output());
        assertEquals(before, version(QUALIFICATION));
        assertEquals(before, version(SECOND));
    }

    /** An edit applied with --if-version on a version someone replaced since is refused, naming the current one. */
    @Test
    void shouldRefuseAFileAppliedOverAVersionThatIsNoLongerCurrent(@TempDir Path dir) throws Exception {
        String current = version(QUALIFICATION);
        Path edited = dir.resolve("scoring.yaml");
        Files.writeString(edited, Files.readString(root().resolve("config/scoring.yaml")).replace("sql: 100", "sql: 95"));
        String stale = "sha256:" + "0".repeat(16);

        Result refused = pipeline("rules", "apply", edited.toString(), "--if-version", stale);

        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("scoring rules are at " + current + " now"), refused.output());
        assertEquals(current, version(QUALIFICATION), "nothing was published");
        assertEquals(current, version(SECOND));
    }

    /**
     * A graceful stop (a deploy, a scale-down) takes the instance out of the consumer group as it closes, so the other
     * instance takes its partitions at once; a member that closed without leaving would stay in the group for its
     * 10 s session timeout, and the leads on its partitions would wait that long. Prints how long after the stop
     * the remaining instance had decided leads spread over every partition.
     */
    @Test
    @Order(Integer.MAX_VALUE) // it stops the second instance the other tests use
    void shouldLeaveTheGroupOnAGracefulStopSoTheOtherInstanceDecidesItsLeads() throws Exception {
        try (Admin admin = Admin.create(pipeline.stack().clientSettings())) {
            assertEquals(2, members(admin), "both instances are members");
            long stopped = System.nanoTime();
            pipeline.stop(SECOND);
            double stopSeconds = (System.nanoTime() - stopped) / 1e9;
            // Read once, as soon as the process has ended: no waiting that the session timeout could also satisfy.
            assertEquals(1, members(admin), "the stopped instance left the group as it closed");

            BenchLeads bench = new BenchLeads("scale-down-" + System.nanoTime());
            EventTopics topics = new EventTopics(pipeline.stack().clientSettings(), pipeline.stack().registryUrl());
            Set<String> ids = new TreeSet<>();
            for (int n = 0; n < 12; n++) { // spread over the partitions, so over the stopped instance's too
                ConversionCaptured conversion = bench.conversion(BenchLeads.Kind.SALES_READY, n, Instant.now());
                topics.send("lead.conversions", conversion.getLeadId(), conversion);
                ids.add(conversion.getLeadId());
            }
            try (TopicReader<QualificationDecided> decisions = AvroTopicReaders.reader(pipeline.stack(), "lead.decisions")) {
                assertEquals(ids.size(), decisions.await(r -> ids.contains(r.key()), ids.size(), ARRIVAL).size());
            }
            System.out.printf("scale-down: the stop took %.1f s; the remaining instance had decided all %d leads %.1f s after it began%n",
                    stopSeconds, ids.size(), (System.nanoTime() - stopped) / 1e9);
        }
    }

    private static int members(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP)).all().get(30, TimeUnit.SECONDS).get(GROUP).members().size();
    }

    /**
     * The backtest on this pipeline's recorded history, checked against BacktestTest's hand-computed case: Jane (fit 80 +
     * 50, SQL A under both; accepted), Raj (fit 65 + 50: SQL A by fast track now, then rejected as NOT_A_FIT and recycled;
     * grade B, MQL under a candidate with grade A at 70, SQL at 120 and fast track for A only) and Sam (fit -65, REJECTED
     * D under both). Measured as the difference the three make to the report, so the other tests' leads do not count.
     */
    @Test
    void shouldBacktestTheRecordedHistoryAsWorkedOutByHand() throws Exception {
        String shipped = Files.readString(root().resolve("config/scoring.yaml"));
        String candidate = shipped.replace("  A: 65", "  A: 70").replace("sql: 100", "sql: 120").replace("  minimumGrade: B", "  minimumGrade: A");
        JsonNode before = backtest(candidate);
        String run = Long.toString(System.nanoTime());
        EventTopics topics = new EventTopics(pipeline.stack().clientSettings(), pipeline.stack().registryUrl());
        Instant at = Instant.now();
        ConversionCaptured jane = conversion("jane." + run + "@acme-robotics.example", "Jane", "Acme Robotics", "VP of Sales", "500", 500, "US", at);
        ConversionCaptured raj = conversion("raj." + run + "@initech.example", "Raj", "Initech", "Head of Operations", "1200", 1200, null, at);
        ConversionCaptured sam = conversion("sam." + run + "@gmail.com", "Sam", null, "Student", null, null, null, at);
        for (ConversionCaptured conversion : List.of(jane, raj, sam)) {
            topics.send("lead.conversions", conversion.getLeadId(), conversion);
        }
        topics.send("lead.handoff-outcomes", jane.getLeadId(), outcome(jane, HandoffOutcomeType.ACCEPTED, null, at.plusSeconds(60)));
        topics.send("lead.handoff-outcomes", raj.getLeadId(), outcome(raj, HandoffOutcomeType.REJECTED, HandoffRejectionReason.NOT_A_FIT,
                at.plusSeconds(60)));

        JsonNode after = backtest(candidate);

        assertEquals(3, delta(before, after, "leads"));
        assertEquals(List.of(1, 2, 0), List.of(delta(before, after, "currentStages", "SQL"), delta(before, after, "currentStages", "REJECTED"),
                delta(before, after, "currentStages", "MQL")));
        assertEquals(List.of(1, 1, 1), List.of(delta(before, after, "candidateStages", "SQL"), delta(before, after, "candidateStages", "REJECTED"),
                delta(before, after, "candidateStages", "MQL")));
        assertEquals(List.of(2, 1), List.of(delta(before, after, "currentGrades", "A"), delta(before, after, "currentGrades", "D")));
        assertEquals(List.of(1, 1, 1), List.of(delta(before, after, "candidateGrades", "A"), delta(before, after, "candidateGrades", "B"),
                delta(before, after, "candidateGrades", "D")));
        assertEquals(List.of(1, 1, 1), List.of(delta(before, after, "transitions", "SQL", "SQL"),
                delta(before, after, "transitions", "REJECTED", "MQL"), delta(before, after, "transitions", "REJECTED", "REJECTED")));
        assertEquals(List.of(1, 1, 1, 1), List.of(delta(before, after, "outcomes", "accepted"), delta(before, after, "outcomes", "acceptedStillSql"),
                delta(before, after, "outcomes", "rejectedNotAFit"), delta(before, after, "outcomes", "rejectedNotAFitKeptOut")));
        JsonNode rajChanged = null;
        for (JsonNode changed : after.path("report").path("changed")) {
            if (changed.path("leadId").asText().equals(raj.getLeadId())) {
                rajChanged = changed;
            }
        }
        assertEquals(List.of("REJECTED", "MQL", "A", "B"), rajChanged == null ? List.of() : List.of(rajChanged.path("currentStage").asText(),
                rajChanged.path("candidateStage").asText(), rajChanged.path("currentGrade").asText(), rajChanged.path("candidateGrade").asText()));
    }

    private static JsonNode backtest(String candidate) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(QUALIFICATION, "/v1/scoring/backtest?changedLeads=1000")))
                .header("Authorization", pipeline.authorization(Roles.MARKETING_OPS)).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(candidate)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static int delta(JsonNode before, JsonNode after, String... path) {
        JsonNode was = before.path("report");
        JsonNode is = after.path("report");
        for (String step : path) {
            was = was.path(step);
            is = is.path(step);
        }
        return is.asInt(0) - was.asInt(0);
    }

    private static ConversionCaptured conversion(String email, String firstName, String company, String jobTitle, String companySize,
            Integer employees, String country, Instant at) {
        return ConversionCaptured.newBuilder().setConversionId(UUID.randomUUID().toString()).setLeadId(LeadIds.fromEmail(email))
                .setOccurredAt(at).setReceivedAt(at).setFormId(company == null ? "ebook" : "demo-request")
                .setFormType(company == null ? FormType.CONTENT_DOWNLOAD : FormType.DEMO_REQUEST).setSiteId("example")
                .setContact(ContactDetails.newBuilder().setEmail(email).setFirstName(firstName).setCompany(company).setJobTitle(jobTitle)
                        .setCompanySize(companySize).setEmployees(employees).setCountry(country).build())
                .setAttribution(Attribution.newBuilder().build())
                .setConsent(MarketingConsent.newBuilder().setMarketingOptIn(true).setText("v1").build())
                .setCustomFields(Map.of()).setSourceTrusted(true).build();
    }

    private static HandoffOutcomeRecorded outcome(ConversionCaptured lead, HandoffOutcomeType type, HandoffRejectionReason reason, Instant at) {
        return HandoffOutcomeRecorded.newBuilder().setOutcomeId(UUID.randomUUID().toString()).setHandoffId(UUID.randomUUID().toString())
                .setLeadId(lead.getLeadId()).setCloserId("closer-ava").setOutcome(type).setReasonCode(reason).setOccurredAt(at).build();
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(text + " not in " + file);
    }

    private static String version(String instance) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(instance, "/v1/rules/scoring")))
                .header("Authorization", pipeline.authorization(Roles.MARKETING_OPS)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("version").asText();
    }

    private static Path root() {
        return Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    }

    /** Runs {@code ./pipeline} against this test's pipeline: its ports, and its key folder as the pipeline's security/. */
    private static Result pipeline(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root().resolve("pipeline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PIPELINE_HOME", pipeline.workDir().toString(),
                "QUALIFICATION_PORT", port(QUALIFICATION), "CAPTURE_PORT", "1", "ROUTING_PORT", "1", "NURTURE_PORT", "1"));
        Path output = Files.createTempFile("pipeline-rules-", ".out");
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static String port(String instance) {
        return URI.create(pipeline.url(instance, "")).getPort() + "";
    }

    private record Result(int exitCode, String output) {
    }
}
