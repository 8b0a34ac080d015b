package io.leadpipeline.nurture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.testkit.EventTopics;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.nurture.TestDecisions;
import io.leadpipeline.nurture.config.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.leadpipeline.nurture.config.NurtureRuleSet;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SignedInAs;
import io.leadpipeline.testkit.TestTokens;

/**
 * Proves the service on a real broker and registry with the shipped rules: a rejection enrolls the lead and its
 * first touch goes out, the GETs show it, qualification and unsubscribe end it, and a closer's rejection recycles;
 * it is ready with Kafka and the registry reachable and shows Kafka and Kafka Streams metrics; enrollments and touches
 * carry the version of the rules seeded on lead.rules from the shipped file.
 */
@SignedInAs(Roles.MARKETING_OPS)
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(AdvertisedPortResource.class)
class NurtureServiceTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @Inject
    LiveRules<NurtureRules> rules;

    @Test
    void shouldShowNurtureStatusOnlyToMarketingOpsAndAdmins() {
        SignedInAs.Session.signOut();

        given().get("/v1/tracks").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.closer("closer-ava")).get("/v1/tracks").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.OPS)).get("/v1/internal/nurture-counts").then().statusCode(403);
        given().header("Authorization", "Bearer " + "x".repeat(40)).get("/v1/leads/{id}/enrollments", "00000000-0000-5000-8000-000000000000")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/v1/tracks").then().statusCode(200)
                .body("tracks.id", hasItem("education"));
    }

    @Test
    void shouldBeReadyWithKafkaAndTheRegistryReachableAndExposeKafkaStreamsMetrics() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'schema-registry' }.status", equalTo("UP")));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_stream_"))
                .body(containsString("kafka_producer_"))
                .body(containsString("kafka_consumer_"));
    }

    @Test
    void shouldEnrollTouchShowAndExitALeadThatQualifies() {
        QualificationDecided rejected = TestDecisions.rejected("reader@gmail.com", RejectionReason.NOT_A_FIT, true);
        String leadId = rejected.getLeadId();
        send(Topics.DECISIONS, leadId, rejected);

        try (TopicReader<NurtureEnrollmentChanged> enrollments = reader(Topics.NURTURE_ENROLLMENTS);
                TopicReader<NurtureTouchDue> touches = reader(Topics.NURTURE_TOUCHES)) {
            NurtureEnrollmentChanged enrollment = await(enrollments, leadId, 1).get(0).value();
            NurtureEnrolled enrolled = assertInstanceOf(NurtureEnrolled.class, enrollment.getChange());
            // A fresh stack: lead.rules was seeded with the shipped nurture.yaml, and the service decides under it.
            assertEquals(NurtureRuleSet.defaults().version(), rules.version());
            assertEquals(rules.version(), enrollment.getRulesVersion());
            assertEquals("education", enrolled.getTrack());
            assertEquals(NurtureEnrollmentReason.NOT_A_FIT, enrolled.getReason());

            NurtureTouchDue touch = await(touches, leadId, 1).get(0).value();
            assertEquals("education-welcome", touch.getTemplate());
            assertEquals("reader@gmail.com", touch.getRecipient().getEmail());
            assertEquals(enrolled.getEnrollmentId(), touch.getEnrollmentId());
            assertEquals(rules.version(), touch.getRulesVersion());

            Awaitility.await().atMost(ARRIVAL).untilAsserted(() -> given().get("/v1/leads/{id}/enrollments", leadId).then()
                    .statusCode(200)
                    .body("leadId", equalTo(leadId))
                    .body("cycles", equalTo(1))
                    .body("current.status", equalTo("ACTIVE"))
                    .body("current.track", equalTo("education"))
                    .body("current.touches[0].touchId", equalTo(touch.getTouchId()))
                    .body("current.touches[0].status", equalTo("SENT"))
                    .body("current.nextStep", equalTo(2)));
            given().get("/v1/tracks").then()
                    .statusCode(200)
                    .body("complete", equalTo(true))
                    .body("tracks.id", hasItem("recycle"))
                    .body("tracks.find { it.id == 'education' }.active", greaterThanOrEqualTo(1))
                    .body("tracks.find { it.id == 'education' }.steps[0].template", equalTo("education-welcome"))
                    .body("tracks.find { it.id == 'education' }.steps[1].after", equalTo("7d"))
                    .body("tracks.find { it.id == 'education' }.quietHours.from", equalTo("20:00"))
                    .body("parkedLeads", equalTo(0));

            send(Topics.DECISIONS, leadId, TestDecisions.decision("reader@gmail.com", LeadStage.SQL));
            NurtureExited exited = assertInstanceOf(NurtureExited.class, await(enrollments, leadId, 2).get(1).value().getChange());
            assertEquals(NurtureExitReason.QUALIFIED, exited.getReason());
            Awaitility.await().atMost(ARRIVAL).untilAsserted(() -> given().get("/v1/leads/{id}/enrollments", leadId).then()
                    .statusCode(200)
                    .body("current", nullValue())
                    .body("enrollments[0].status", equalTo("EXITED"))
                    .body("enrollments[0].exitReason", equalTo("QUALIFIED")));
        }
    }

    @Test
    void shouldExitOnAnUnsubscribeFromTheEngagementsTopic() {
        QualificationDecided rejected = TestDecisions.rejected("unsubscriber@acme.example", RejectionReason.LOW_SCORE, true);
        String leadId = rejected.getLeadId();
        send(Topics.DECISIONS, leadId, rejected);
        try (TopicReader<NurtureEnrollmentChanged> enrollments = reader(Topics.NURTURE_ENROLLMENTS)) {
            await(enrollments, leadId, 1);
            send(Topics.ENGAGEMENTS, leadId, TestDecisions.engagement(leadId, EngagementType.UNSUBSCRIBED));
            NurtureExited exited = assertInstanceOf(NurtureExited.class, await(enrollments, leadId, 2).get(1).value().getChange());
            assertEquals(NurtureExitReason.UNSUBSCRIBED, exited.getReason());
        }
        Awaitility.await().atMost(ARRIVAL).untilAsserted(() -> given().get("/v1/leads/{id}/enrollments", leadId).then()
                .statusCode(200).body("unsubscribed", equalTo(true)));
    }

    @Test
    void shouldExitWithErasedAndAnswer404ForAnErasedLead() {
        QualificationDecided rejected = TestDecisions.rejected("forget.me@acme.example", RejectionReason.LOW_SCORE, true);
        String leadId = rejected.getLeadId();
        send(Topics.DECISIONS, leadId, rejected);
        try (TopicReader<NurtureEnrollmentChanged> enrollments = reader(Topics.NURTURE_ENROLLMENTS)) {
            await(enrollments, leadId, 1);
            Awaitility.await().atMost(ARRIVAL).untilAsserted(() -> given().get("/v1/leads/{id}/enrollments", leadId).then()
                    .statusCode(200));
            send(Topics.ENGAGEMENTS, leadId, TestDecisions.engagement(leadId, EngagementType.ERASURE_REQUESTED));
            NurtureExited exited = assertInstanceOf(NurtureExited.class, await(enrollments, leadId, 2).get(1).value().getChange());
            assertEquals(NurtureExitReason.ERASED, exited.getReason());
        }
        Awaitility.await().atMost(ARRIVAL).untilAsserted(() -> given().get("/v1/leads/{id}/enrollments", leadId).then()
                .statusCode(404).contentType("application/problem+json"));
    }

    @Test
    void shouldRecycleALeadAClosersRejected() {
        QualificationDecided sql = TestDecisions.decision("not-now@initech.example", LeadStage.SQL);
        String leadId = sql.getLeadId();
        send(Topics.HANDOFF_OUTCOMES, leadId, TestDecisions.outcome(sql, HandoffOutcomeType.REJECTED));
        try (TopicReader<NurtureEnrollmentChanged> enrollments = reader(Topics.NURTURE_ENROLLMENTS)) {
            NurtureEnrolled enrolled = assertInstanceOf(NurtureEnrolled.class, await(enrollments, leadId, 1).get(0).value().getChange());
            assertEquals("recycle", enrolled.getTrack());
            assertEquals(NurtureEnrollmentReason.CLOSER_REJECTED, enrolled.getReason());
        }
    }

    @Test
    void shouldAnswer404ProblemForALeadNurtureNeverSaw() {
        given().get("/v1/leads/{id}/enrollments", "00000000-0000-5000-8000-000000000000").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldCountEnrollmentsAndTouchesInTheMetrics() {
        QualificationDecided rejected = TestDecisions.rejected("counted@gmail.com", RejectionReason.STALE, true);
        send(Topics.DECISIONS, rejected.getLeadId(), rejected);
        Awaitility.await().atMost(ARRIVAL).untilAsserted(() -> given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("nurture_enrollments_total{reason=\"STALE\",suppressed=\"false\",track=\"re-engagement\""))
                .body(containsString("nurture_touches_total{status=\"sent\",track=\"re-engagement\"")));
    }

    private <T extends SpecificRecord> void send(String topic, String key, T value) {
        new EventTopics(bootstrapServers, registryUrl).send(topic, key, value);
    }

    private <T> TopicReader<T> reader(String topic) {
        return new EventTopics(bootstrapServers, registryUrl).reader(topic);
    }

    private static <T> List<ConsumerRecord<String, T>> await(TopicReader<T> reader, String leadId, int count) {
        Predicate<ConsumerRecord<String, T>> ofLead = r -> r.key().equals(leadId);
        List<ConsumerRecord<String, T>> records = reader.await(ofLead, count, ARRIVAL);
        assertEquals(count, records.size(), "records of lead " + leadId + " on the topic: " + records);
        return records;
    }
}
