package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.service.security.Roles;

/**
 * Proves the nurture loop end to end with the shipped config: a lead rejected by qualification is enrolled and
 * touched, engages with the touch through capture's /v1/engagements, is re-qualified as SQL, leaves nurture and
 * is handed off to a closer.
 *
 * <p>It relies on the shipped rules (config/): scoring rejects a grade-B newsletter sign-up below the MQL
 * threshold and fast-tracks a grade-B lead that books a meeting to SQL; every nurture track sends its first touch
 * right away; routing hands off at any hour; capture accepts the example site's server key.
 */
@ExtendWith(SharedPipeline.class)
class NurtureLoopIT {

    /** The example site's server secret (config/capture.yaml keeps only its SHA-256); override with -Dnurture-loop.api-key. */
    private static final String API_KEY = System.getProperty("nurture-loop.api-key", "dev-only-example-server-key");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final PersistentClient RETRYING = new PersistentClient(Duration.ofSeconds(60));
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    private static final Duration QUIET = Duration.ofSeconds(5);

    private static RunningPipeline pipeline;

    @BeforeAll
    static void startPipeline(RunningPipeline shared) throws Exception {
        assertApiKeyIsConfigured();
        pipeline = shared;
    }


    @Test
    void shouldNurtureARejectedLeadUntilItEngagesQualifiesAndIsHandedOff() throws Exception {
        // A fit (grade B: manager, operations, 300 employees, business address, company named) but barely engaged
        // lead: a newsletter sign-up. No country, so no quiet hours hold its first touch.
        String leadId = post("capture-service", "/v1/conversions", Map.of(), """
                {"email": "olivia.okafor@globex-logistics.example", "formId": "newsletter", "formType": "NEWSLETTER_SIGNUP",
                 "firstName": "Olivia", "lastName": "Okafor", "company": "Globex Logistics", "jobTitle": "Operations Manager",
                 "companySize": "300", "consent": {"marketing": true, "text": "v1"}}
                """).get("leadId").asText();

        try (TopicReader<QualificationDecided> decisions = reader("lead.decisions");
                TopicReader<NurtureEnrollmentChanged> enrollments = reader("lead.nurture-enrollments");
                TopicReader<NurtureTouchDue> touches = reader("lead.nurture-touches");
                TopicReader<LeadHandedOff> handoffs = reader("lead.handoffs")) {

            // 1. rejected → enrolled
            QualificationDecided rejected = first(decisions, leadId, "a first decision").value();
            assertEquals(LeadStage.REJECTED, rejected.getStage(),
                    "the shipped scoring rules should reject a barely engaged newsletter sign-up; got " + rejected.getStage());
            assertTrue(List.of(RejectionReason.LOW_SCORE, RejectionReason.NOT_A_FIT).contains(rejected.getRejectionReason()),
                    "a nurturable rejection, got " + rejected.getRejectionReason());
            NurtureEnrolled enrolled = assertInstanceOf(NurtureEnrolled.class,
                    first(enrollments, leadId, "an enrollment").value().getChange());
            assertEquals(rejected.getDecisionId(), enrolled.getSourceEventId());
            assertEquals(1, enrolled.getCycle());

            // 2. touched: the track's first step goes out right away
            NurtureTouchDue touch = first(touches, leadId, "a first touch").value();
            assertEquals(enrolled.getEnrollmentId(), touch.getEnrollmentId());
            assertEquals("olivia.okafor@globex-logistics.example", touch.getRecipient().getEmail());
            assertEquals("Olivia", touch.getRecipient().getFirstName());

            // 3. engages: the email platform reports the meeting booked from the touch's link, with the touch id
            JsonNode engagement = post("capture-service", "/v1/engagements", Map.of("Authorization", "Bearer " + API_KEY), """
                    {"type": "MEETING_BOOKED", "leadId": "%s", "touchId": "%s", "url": "https://www.example.com/book-a-meeting"}
                    """.formatted(leadId, touch.getTouchId()));
            assertEquals(leadId, engagement.get("leadId").asText());

            // 4. re-qualified as SQL
            List<ConsumerRecord<String, QualificationDecided>> sql = decisions.await(
                    r -> r.key().equals(leadId) && r.value().getStage() == LeadStage.SQL, 1, ARRIVAL);
            assertEquals(1, sql.size(), "qualification re-qualifies the lead as SQL after the meeting booked; decisions so far: "
                    + decisions.all().stream().filter(r -> r.key().equals(leadId)).map(r -> r.value().getStage()).toList());

            // 5. exits nurture
            List<ConsumerRecord<String, NurtureEnrollmentChanged>> exits = enrollments.await(
                    r -> r.key().equals(leadId) && r.value().getChange() instanceof NurtureExited, 1, ARRIVAL);
            assertEquals(1, exits.size(), "nurture ends the enrollment when the lead qualifies");
            NurtureExited exited = (NurtureExited) exits.get(0).value().getChange();
            assertEquals(NurtureExitReason.QUALIFIED, exited.getReason());
            assertEquals(enrolled.getEnrollmentId(), exited.getEnrollmentId());

            // 6. handed off to a closer
            LeadHandedOff handoff = first(handoffs, leadId, "a handoff").value();
            assertEquals(sql.get(0).value().getDecisionId(), handoff.getDecisionId());
            assertTrue(handoff.getCloser().getEmail().contains("@"), "handed to a closer with an email");

            // Exactly once each, and no touch after the exit.
            assertEquals(1, touches.settle(r -> r.key().equals(leadId), QUIET).size(), "one touch, none after the exit");
            assertEquals(2, enrollments.settle(r -> r.key().equals(leadId), Duration.ZERO).size(), "enrolled once, exited once");
            assertEquals(1, handoffs.settle(r -> r.key().equals(leadId), Duration.ZERO).size(), "one handoff");

            // Ops see it in nurture's GET: the past enrollment, its touch, and why it ended.
            JsonNode view = getJson("nurture-service", "/v1/leads/" + leadId + "/enrollments");
            assertTrue(view.path("current").isNull() || view.path("current").isMissingNode(), "no active enrollment: " + view);
            JsonNode past = view.get("enrollments").get(0);
            assertEquals("QUALIFIED", past.get("exitReason").asText());
            assertEquals(touch.getTouchId(), past.get("touches").get(0).get("touchId").asText());
            assertEquals("SENT", past.get("touches").get(0).get("status").asText());
        }
    }

    /** Fails early, with the reason, when the shipped capture config no longer accepts the key this test uses. */
    private static void assertApiKeyIsConfigured() throws IOException, NoSuchAlgorithmException {
        Path captureConfig = Path.of(System.getProperty("pipeline.root", "..")).resolve("config/capture.yaml");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.exists(captureConfig) && Files.readString(captureConfig).contains(sha256),
                captureConfig + " has no API key whose SHA-256 is " + sha256 + ": set -Dnurture-loop.api-key to a configured secret");
    }

    private static <T> ConsumerRecord<String, T> first(TopicReader<T> reader, String leadId, String what) {
        List<ConsumerRecord<String, T>> records = reader.await(r -> r.key().equals(leadId), 1, ARRIVAL);
        assertTrue(!records.isEmpty(), "expected " + what + " for lead " + leadId + " within " + ARRIVAL);
        return records.get(0);
    }

    private static JsonNode post(String service, String path, Map<String, String> headers, String json)
            throws IOException, InterruptedException {
        // A 429 (an earlier test class used up this IP's browser allowance) or a 503 is retried as told.
        HttpResponse<String> response = RETRYING.post(pipeline.url(service, path), json, headers).orElseThrow();
        assertEquals(202, response.statusCode(), path + " → " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode getJson(String service, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(service, path)))
                .header("Authorization", pipeline.authorization(Roles.MARKETING_OPS)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return JSON.readTree(response.body());
    }

    private static <T> TopicReader<T> reader(String topic) {
        return AvroTopicReaders.reader(pipeline.stack(), topic);
    }
}
