package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.service.security.Roles;

/**
 * Erasure across the packaged services, as a data-protection request arrives: an admin asks capture to erase a lead
 * that was handed off and one that is being nurtured, and then every service forgets them — every read answers 404,
 * nurture exits the enrollment with {@code ERASED}, and the qualification profile's changelog gets a tombstone.
 */
@ExtendWith(SharedPipeline.class)
class ErasureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final PersistentClient WEBSITE = new PersistentClient(Duration.ofSeconds(60));
    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private static RunningPipeline pipeline;

    @BeforeAll
    static void usePipeline(RunningPipeline shared) {
        pipeline = shared;
    }

    @Test
    void shouldForgetAnErasedLeadInEveryService() throws Exception {
        String handedOff = capture("""
                {"email": "erin.erase@erasure-corp.example", "formId": "demo-request", "formType": "DEMO_REQUEST",
                 "firstName": "Erin", "lastName": "Erase", "company": "Erasure Corp", "jobTitle": "VP of Sales",
                 "companySize": "700", "country": "US", "consent": {"marketing": true, "text": "v1"}}
                """);
        String nurtured = capture("""
                {"email": "nell.nurtured@gmail.com", "formId": "ebook", "formType": "CONTENT_DOWNLOAD",
                 "firstName": "Nell", "jobTitle": "Student", "consent": {"marketing": true, "text": "v1"}}
                """);
        String handoffId;
        try (TopicReader<LeadHandedOff> handoffs = AvroTopicReaders.reader(pipeline.stack(), "lead.handoffs");
                TopicReader<NurtureEnrollmentChanged> enrollments = AvroTopicReaders.reader(pipeline.stack(), "lead.nurture-enrollments")) {
            handoffId = handoffs.await(r -> r.key().equals(handedOff), 1, ARRIVAL).get(0).value().getHandoffId();
            assertEquals(1, enrollments.await(r -> r.key().equals(nurtured), 1, ARRIVAL).size());
        }
        String profile = pipeline.url("qualification-service", "/v1/leads/" + handedOff);
        String handoff = pipeline.url("routing-service", "/v1/handoffs/" + handoffId);
        String enrollment = pipeline.url("nurture-service", "/v1/leads/" + nurtured + "/enrollments");
        String journey = pipeline.url(RunningPipeline.OPS_CONSOLE, "/api/leads/" + handedOff + "/timeline");
        assertEquals(200, get(profile, Roles.MARKETING_OPS).statusCode());
        assertEquals(200, get(handoff, Roles.SALES_OPS).statusCode());
        assertEquals(200, get(enrollment, Roles.MARKETING_OPS).statusCode());
        awaitStatus(journey, Roles.OPS, 200);

        assertEquals(403, erase(handedOff, Roles.MARKETING_OPS).statusCode(), "only an admin erases");
        assertEquals(202, erase(handedOff, Roles.ADMIN).statusCode());
        assertEquals(202, erase(nurtured, Roles.ADMIN).statusCode());

        awaitStatus(profile, Roles.MARKETING_OPS, 404);
        awaitStatus(pipeline.url("qualification-service", "/v1/leads?email=erin.erase@erasure-corp.example"), Roles.MARKETING_OPS, 404);
        awaitStatus(handoff, Roles.SALES_OPS, 404);
        awaitStatus(enrollment, Roles.MARKETING_OPS, 404);
        awaitStatus(journey, Roles.OPS, 404);

        try (TopicReader<NurtureEnrollmentChanged> enrollments = AvroTopicReaders.reader(pipeline.stack(), "lead.nurture-enrollments")) {
            assertTrue(enrollments.await(r -> r.key().equals(nurtured) && r.value().getChange() instanceof NurtureExited exited
                    && exited.getReason() == NurtureExitReason.ERASED, 1, ARRIVAL).size() == 1, "nurture exits with ERASED");
        }
        try (TopicReader<byte[]> changelog = new TopicReader<>(pipeline.stack().clientSettings(),
                "qualification-service-lead-profiles-changelog", new ByteArrayDeserializer())) {
            assertEquals(1, changelog.await(r -> r.key().equals(handedOff) && r.value() == null, 1, ARRIVAL).size(),
                    "the profile's changelog holds a tombstone, so compaction removes the person's data");
        }
    }

    private static String capture(String json) throws Exception {
        HttpResponse<String> response = WEBSITE.post(pipeline.url("capture-service", "/v1/conversions"), json, Map.of()).orElseThrow();
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("leadId").asText();
    }

    private static HttpResponse<String> erase(String leadId, String role) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url("capture-service", "/v1/leads/" + leadId + "/erasure")))
                .header("Authorization", pipeline.authorization(role)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String role) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", pipeline.authorization(role)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStatus(String url, String role, int status) throws Exception {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        int last = get(url, role).statusCode();
        while (last != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = get(url, role).statusCode();
        }
        assertEquals(status, last, url);
    }
}
