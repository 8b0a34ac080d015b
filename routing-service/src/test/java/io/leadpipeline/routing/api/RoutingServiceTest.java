package io.leadpipeline.routing.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.testkit.EventTopics;
import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.routing.TestDecisions;
import io.leadpipeline.routing.config.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SignedInAs;
import io.leadpipeline.testkit.TestTokens;

/**
 * Proves the service on a real broker and registry with the shipped routing.yaml: an SQL decision becomes one
 * LeadHandedOff; closers accept and reject over HTTP (idempotent, 404, 409) and the outcomes land on
 * lead.handoff-outcomes; the roster shows load and availability, and availability changes go through Kafka; it is
 * ready with Kafka and the registry reachable and shows Kafka and Kafka Streams metrics.
 */
@SignedInAs(Roles.SALES_OPS)
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class RoutingServiceTest {

    private static final String AUTHORIZATION = "Authorization";


    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    private LeadHandedOff handOff(String email) {
        QualificationDecided sql = TestDecisions.decision(email, LeadStage.SQL);
        new EventTopics(bootstrapServers, registryUrl).send(Topics.DECISIONS, sql.getLeadId(), sql);
        try (TopicReader<LeadHandedOff> reader = reader(Topics.HANDOFFS)) {
            List<ConsumerRecord<String, LeadHandedOff>> handedOff = reader.await(r -> r.key().equals(sql.getLeadId()), 1, ARRIVAL);
            assertEquals(1, handedOff.size(), "one handoff for " + email);
            assertEquals(sql.getDecisionId(), handedOff.get(0).value().getDecisionId());
            return handedOff.get(0).value();
        }
    }

    private <V extends SpecificRecord> TopicReader<V> reader(String topic) {
        return new EventTopics(bootstrapServers, registryUrl).reader(topic);
    }

    private List<HandoffOutcomeRecorded> outcomesOf(String handoffId, int expected) {
        try (TopicReader<HandoffOutcomeRecorded> reader = reader(Topics.HANDOFF_OUTCOMES)) {
            reader.await(r -> r.value().getHandoffId().equals(handoffId), expected, ARRIVAL);
            return reader.settle(r -> r.value().getHandoffId().equals(handoffId), Duration.ofSeconds(2)).stream()
                    .map(ConsumerRecord::value).toList();
        }
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
    void shouldHandOffAnSqlDecisionToAConfiguredCloserAndShowIt() {
        LeadHandedOff handoff = handOff("vp@initech.example");

        assertTrue(handoff.getCloser().getId().startsWith("closer-"), handoff.getCloser().getId());
        assertTrue(handoff.getCloser().getEmail().contains("@"));
        given().when().get("/v1/handoffs/{id}", handoff.getHandoffId()).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("leadId", equalTo(handoff.getLeadId()))
                .body("closer.id", equalTo(handoff.getCloser().getId()))
                .body("pool", equalTo(handoff.getPool()))
                .body("attempt", equalTo(1));
        given().when().get("/v1/handoffs/{id}", "no-such-handoff").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("routing_handoffs_total{pool=\"" + handoff.getPool() + "\""))
                .body(containsString("routing_queue_size{pool=\"general\"}"))
                .body(containsString("routing_queue_wait_seconds_count"));
    }

    @Test
    void shouldPreviewHowACandidateWouldSpreadTheLastSqlsWithoutPublishingIt() {
        LeadHandedOff handoff = handOff("vp@preview-spread.example");
        String document = given().get("/v1/rules/routing").then().statusCode(200).body("version", startsWith("sha256:"))
                .extract().path("document");
        assertEquals(given().get("/v1/rules/routing").then().extract().path("version"), handoff.getRulesVersion(),
                "the handoff carries the routing rules version it was made under");
        String managersOnly = document.replace("  - id: catch-all\n    pool: general", "  - id: catch-all\n    pool: sales-managers")
                .replace("  - id: emea\n    when:\n      regions: [EMEA]\n    pool: emea\n", "");

        given().contentType("application/yaml").queryParam("last", 50).body(managersOnly.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/routing/preview").then().statusCode(200)
                .body("leads", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("current.rulesVersion", equalTo(handoff.getRulesVersion()))
                .body("candidate.byCloser.'closer-farah'.handoffs", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("candidate.byRule.'catch-all'", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().contentType("application/yaml").body(document.replace("members: [closer-ava, closer-eli]", "members: [closer-zed]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/v1/routing/preview").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("pools[1].members[0]"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(startsWith("line ")));
        given().header("Authorization", TestTokens.bearer(Roles.MARKETING_OPS)).contentType("application/yaml")
                .body(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/v1/routing/preview").then().statusCode(403);
    }

    @Test
    void shouldAnswer404ForAnErasedLeadsHandoffAndCountTheErasure() {
        LeadHandedOff handoff = handOff("erase.me@hooli.example");
        java.time.Instant now = java.time.Instant.now();
        EngagementTracked erasure = EngagementTracked.newBuilder().setEngagementId(java.util.UUID.randomUUID().toString())
                .setLeadId(handoff.getLeadId()).setOccurredAt(now).setReceivedAt(now).setType(EngagementType.ERASURE_REQUESTED)
                .setSiteId("admin-api").setDetail(EngagementDetail.newBuilder().build()).build();

        new EventTopics(bootstrapServers, registryUrl).send(Topics.ENGAGEMENTS, handoff.getLeadId(), erasure);

        Awaitility.await().atMost(ARRIVAL).untilAsserted(() -> given().when().get("/v1/handoffs/{id}", handoff.getHandoffId())
                .then().statusCode(404));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("routing_erasures_total"));
    }

    @Test
    void shouldAcceptAHandoffIdempotentlyAndRecordItOnce() {
        LeadHandedOff handoff = handOff("cfo@globex.example");

        given().when().post("/v1/handoffs/{id}/accept", handoff.getHandoffId()).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("handoffId", equalTo(handoff.getHandoffId()));
        given().when().post("/v1/handoffs/{id}/accept", handoff.getHandoffId()).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"NOT_A_FIT\"}")
                .when().post("/v1/handoffs/{id}/reject", handoff.getHandoffId()).then().statusCode(409)
                .contentType("application/problem+json");
        given().when().post("/v1/handoffs/{id}/accept", "no-such-handoff").then().statusCode(404);

        List<HandoffOutcomeRecorded> outcomes = outcomesOf(handoff.getHandoffId(), 1);
        assertEquals(List.of(HandoffOutcomeType.ACCEPTED), outcomes.stream().map(HandoffOutcomeRecorded::getOutcome).toList());
        assertEquals(handoff.getCloser().getId(), outcomes.get(0).getCloserId());
    }

    @Test
    void shouldRejectAHandoffWithAReasonAndRecycleTheLeadWithItsSnapshot() {
        LeadHandedOff handoff = handOff("owner@hooli.example");

        given().contentType(ContentType.JSON).body("{\"reason\":\"MAYBE\"}")
                .when().post("/v1/handoffs/{id}/reject", handoff.getHandoffId()).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"reason\":\"NO_BUDGET\",\"note\":\"Budget frozen until Q3\"}")
                .when().post("/v1/handoffs/{id}/reject", handoff.getHandoffId()).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("NO_BUDGET"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"NO_BUDGET\"}")
                .when().post("/v1/handoffs/{id}/reject", handoff.getHandoffId()).then().statusCode(200);
        given().when().post("/v1/handoffs/{id}/accept", handoff.getHandoffId()).then().statusCode(409);

        List<HandoffOutcomeRecorded> outcomes = outcomesOf(handoff.getHandoffId(), 1);
        assertEquals(1, outcomes.size());
        HandoffOutcomeRecorded rejected = outcomes.get(0);
        assertEquals(HandoffOutcomeType.REJECTED, rejected.getOutcome());
        assertEquals(HandoffRejectionReason.NO_BUDGET, rejected.getReasonCode());
        assertEquals("Budget frozen until Q3", rejected.getNote());
        assertEquals("owner@hooli.example", rejected.getLead().getContact().getEmail());
    }

    @Test
    void shouldShowTheRosterAndApplyAvailabilityThroughKafka() {
        given().when().get("/v1/closers").then().statusCode(200)
                .body("id", hasItem("closer-ava"))
                .body("find { it.id == 'closer-ava' }.capacity", equalTo(20))
                .body("find { it.id == 'closer-dana' }.workingHours", equalTo("always"));

        given().contentType(ContentType.JSON).body("{\"active\":true,\"outOfOfficeUntil\":\"2099-01-01T00:00:00Z\"}")
                .when().put("/v1/closers/{id}/availability", "closer-dana").then().statusCode(200)
                .body("outOfOfficeUntil", startsWith("2099-01-01T00:00"))
                .body("onDuty", equalTo(false))
                .body("available", equalTo(false));
        given().when().get("/v1/closers").then().statusCode(200)
                .body("find { it.id == 'closer-dana' }.onDuty", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"active\":true}")
                .when().put("/v1/closers/{id}/availability", "closer-dana").then().statusCode(200)
                .body("onDuty", equalTo(true)).body("active", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"active\":true}")
                .when().put("/v1/closers/{id}/availability", "closer-nobody").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"outOfOfficeUntil\":\"next week\"}")
                .when().put("/v1/closers/{id}/availability", "closer-dana").then().statusCode(400);
        given().when().get("/v1/pools").then().statusCode(200).body("id", hasItem("around-the-clock"));

        try (TopicReader<CloserAvailabilityChanged> reader = reader(Topics.CLOSER_AVAILABILITY)) {
            List<ConsumerRecord<String, CloserAvailabilityChanged>> changes = reader.await(r -> r.key().equals("closer-dana"), 2, ARRIVAL);
            assertEquals(2, changes.size());
            assertEquals(List.of(true, false), changes.stream().map(r -> r.value().getOutOfOfficeUntil() != null).toList());
        }
    }

    @Test
    void shouldLetAClosersTokenReadAndAnswerOnlyTheirOwnHandoffsAndAvailability() {
        LeadHandedOff handoff = handOff("coo@umbrella.example");
        String own = handoff.getCloser().getId();
        String other = own.equals("closer-ava") ? "closer-ben" : "closer-ava";
        SignedInAs.Session.signOut();

        given().header(AUTHORIZATION, TestTokens.closer(other)).get("/v1/handoffs/{id}", handoff.getHandoffId()).then()
                .statusCode(403).contentType("application/problem+json").body("detail", equalTo("This handoff is assigned to another closer"));
        given().header(AUTHORIZATION, TestTokens.closer(other)).post("/v1/handoffs/{id}/accept", handoff.getHandoffId()).then()
                .statusCode(403).contentType("application/problem+json");
        given().header(AUTHORIZATION, TestTokens.closer(other)).contentType(ContentType.JSON).body("{\"reason\":\"NOT_A_FIT\"}")
                .post("/v1/handoffs/{id}/reject", handoff.getHandoffId()).then().statusCode(403);
        given().header(AUTHORIZATION, TestTokens.closer(own)).get("/v1/handoffs/{id}", handoff.getHandoffId()).then()
                .statusCode(200).body("status", equalTo("OPEN"));
        given().header(AUTHORIZATION, TestTokens.closer(own)).post("/v1/handoffs/{id}/accept", handoff.getHandoffId()).then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        assertEquals(List.of(HandoffOutcomeType.ACCEPTED), outcomesOf(handoff.getHandoffId(), 1).stream()
                .map(HandoffOutcomeRecorded::getOutcome).toList(), "only the assigned closer's answer was recorded");

        given().header(AUTHORIZATION, TestTokens.closer(own)).contentType(ContentType.JSON).body("{\"active\":true}")
                .put("/v1/closers/{id}/availability", other).then().statusCode(403).contentType("application/problem+json");
        given().header(AUTHORIZATION, TestTokens.closer(own)).contentType(ContentType.JSON).body("{\"active\":true}")
                .put("/v1/closers/{id}/availability", own).then().statusCode(200);
        given().header(AUTHORIZATION, TestTokens.closer(own)).get("/v1/closers").then().statusCode(403);
    }

    @Test
    void shouldRefuseRequestsWithoutAValidTokenOrWithoutTheRole() {
        SignedInAs.Session.signOut();

        given().get("/v1/closers").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer")).body("status", equalTo(401));
        given().header(AUTHORIZATION, "Bearer not-a-token").get("/v1/pools").then().statusCode(401).contentType("application/problem+json");
        given().header(AUTHORIZATION, TestTokens.expired(Roles.SALES_OPS)).get("/v1/pools").then().statusCode(401);
        given().header(AUTHORIZATION, TestTokens.bearer(Roles.MARKETING_OPS)).get("/v1/closers").then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo("This token's role may not do this"));
        given().header(AUTHORIZATION, TestTokens.bearer(Roles.MARKETING_OPS)).post("/v1/handoffs/{id}/accept", "any").then().statusCode(403);
        Awaitility.await().atMost(ARRIVAL).untilAsserted(() ->  // 503 while the desk starts
                given().header(AUTHORIZATION, TestTokens.bearer(Roles.OPS)).get("/v1/pools").then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
