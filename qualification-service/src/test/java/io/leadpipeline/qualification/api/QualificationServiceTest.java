package io.leadpipeline.qualification.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.qualification.Metrics;
import io.leadpipeline.qualification.TestConversions;
import io.leadpipeline.testkit.EventTopics;
import io.leadpipeline.qualification.config.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SignedInAs;
import io.leadpipeline.testkit.TestTokens;

/** Proves the whole service on a real broker and registry: events in, decisions out, lead lookups, scoring preview, dead letters, metrics. */
@SignedInAs(Roles.MARKETING_OPS)
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class QualificationServiceTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    private EventTopics kafka;

    @BeforeEach
    void setUp() {
        kafka = new EventTopics(bootstrapServers, registryUrl);
    }

    @Test
    void shouldServeLeadProfilesAndThePreviewOnlyToMarketingOpsAndAdmins() {
        ConversionCaptured demo = TestConversions.salesReady("cso@hooli.example");
        new EventTopics(bootstrapServers, registryUrl).send(Topics.CONVERSIONS, demo.getLeadId(), demo);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().get("/v1/leads/{id}", demo.getLeadId()).then().statusCode(200));
        SignedInAs.Session.signOut();

        given().get("/v1/leads/{id}", demo.getLeadId()).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", not(containsString("cso@hooli.example")));
        given().header("Authorization", TestTokens.closer("closer-ava")).get("/v1/leads?email=cso@hooli.example").then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.SALES_OPS)).contentType("application/json").body("{\"email\":\"a@b.example\"}")
                .post("/v1/scoring/preview").then().statusCode(403);
        given().header("Authorization", TestTokens.expired(Roles.MARKETING_OPS)).get("/v1/leads/{id}", demo.getLeadId()).then()
                .statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/v1/leads?email=cso@hooli.example").then()
                .statusCode(200).body("leadId", equalTo(demo.getLeadId()));
    }

    @Test
    void shouldDecideAConversionAndServeTheLeadWithItsExplanation() {
        ConversionCaptured demo = TestConversions.salesReady("cto@globex.example");
        kafka.send(Topics.CONVERSIONS, demo.getLeadId(), demo);

        try (TopicReader<QualificationDecided> reader = kafka.reader(Topics.DECISIONS)) {
            List<ConsumerRecord<String, QualificationDecided>> decided = reader.await(
                    r -> r.key().equals(demo.getLeadId()), 1, ARRIVAL);
            assertEquals(LeadStage.SQL, decided.get(0).value().getStage());
        }
        await().atMost(ARRIVAL).untilAsserted(() -> given().when().get("/v1/leads/" + demo.getLeadId())
                .then().statusCode(200)
                .body("stage", equalTo("SQL"))
                .body("grade", equalTo("A"))
                .body("totalScore", equalTo(130))
                .body("rulesVersion", startsWith("sha256:"))
                .body("reasons.ruleId", hasItems("fit.seniority.executive", "engagement.form.DEMO_REQUEST", "stage.fast-track"))
                .body("stageHistory", hasSize(1)));
        given().queryParam("email", " CTO@globex.example").when().get("/v1/leads")
                .then().statusCode(200)
                .body("leadId", equalTo(demo.getLeadId()));
    }

    @Test
    void shouldRequalifyALeadFromItsEngagements() {
        String email = "reader@initech.example";
        ConversionCaptured newsletter = TestConversions.conversion(email, FormType.NEWSLETTER_SIGNUP, "Initech", "Marketing Manager",
                "100", "US", Instant.now());
        kafka.send(Topics.CONVERSIONS, newsletter.getLeadId(), newsletter);
        EngagementTracked webinar = TestConversions.engagement(email, EngagementType.WEBINAR_ATTENDED, null, Instant.now());
        kafka.send(Topics.ENGAGEMENTS, webinar.getLeadId(), webinar);

        try (TopicReader<QualificationDecided> reader = kafka.reader(Topics.DECISIONS)) {
            List<ConsumerRecord<String, QualificationDecided>> decided = reader.await(
                    r -> r.key().equals(newsletter.getLeadId()), 2, ARRIVAL);
            assertEquals(List.of(LeadStage.REJECTED, LeadStage.MQL), decided.stream().map(r -> r.value().getStage()).toList());
            assertEquals(RejectionReason.LOW_SCORE, decided.get(0).value().getRejectionReason());
        }
    }

    @Test
    void shouldApplyAPublishedScoringChangeToTheNextDecisionsAndRefuseAnInvalidOneNamingItsLine() {
        String document = given().get("/v1/rules/scoring").then().statusCode(200)
                .body("version", startsWith("sha256:")).extract().path("document");
        String before = given().get("/v1/rules/scoring").then().extract().path("version");
        String broken = document.replace("mql: 60", "mql: sixty");

        given().contentType("application/yaml").body(broken.getBytes(StandardCharsets.UTF_8)).put("/v1/rules/scoring").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("thresholds.mql"))
                .body("errors.message", hasItem(startsWith("line ")));
        given().get("/v1/rules/scoring").then().body("version", equalTo(before));
        given().header("Authorization", TestTokens.bearer(Roles.SALES_OPS)).contentType("application/yaml").body(document.getBytes(StandardCharsets.UTF_8))
                .put("/v1/rules/scoring").then().statusCode(403).contentType("application/problem+json");

        String candidate = document.replace("    - {name: pricing, pattern: \"/pricing\", points: 15}",
                "    - {name: pricing, pattern: \"/pricing\", points: 15}\n    - {name: rules-test, pattern: \"/rules-test\", points: 1}");
        try {
            given().contentType("application/yaml").queryParam("dryRun", true).body(candidate.getBytes(StandardCharsets.UTF_8)).put("/v1/rules/scoring").then()
                    .statusCode(200).body("changed", equalTo(true)).body("appliedHere", equalTo(false));
            given().get("/v1/rules/scoring").then().body("version", equalTo(before));
            String published = given().contentType("application/yaml").body(candidate.getBytes(StandardCharsets.UTF_8)).put("/v1/rules/scoring").then()
                    .statusCode(200).body("previousVersion", equalTo(before)).body("appliedHere", equalTo(true))
                    .body("changes", hasItem(startsWith("engagement.pages"))).extract().path("version");
            given().get("/v1/rules/scoring").then().body("version", equalTo(published))
                    .body("history.version", hasItem(before)).body("document", containsString("rules-test"));

            ConversionCaptured demo = TestConversions.salesReady("vp@rules-change.example");
            kafka.send(Topics.CONVERSIONS, demo.getLeadId(), demo);
            try (TopicReader<QualificationDecided> reader = kafka.reader(Topics.DECISIONS)) {
                assertEquals(published, reader.await(r -> r.key().equals(demo.getLeadId()), 1, ARRIVAL).get(0).value().getRulesVersion(),
                        "the next decision is made under the published version");
            }
        } finally {
            given().contentType("application/yaml").body(document.getBytes(StandardCharsets.UTF_8)).put("/v1/rules/scoring").then().statusCode(200);
        }
    }

    @Test
    void shouldBacktestACandidateOnTheRecordedHistoryWithoutPublishingIt() {
        ConversionCaptured demo = TestConversions.salesReady("cro@backtest-rival.example");
        kafka.send(Topics.CONVERSIONS, demo.getLeadId(), demo);
        await().atMost(ARRIVAL).untilAsserted(() -> given().get("/v1/leads/{id}", demo.getLeadId()).then().statusCode(200)
                .body("stage", equalTo("SQL")));
        String document = given().get("/v1/rules/scoring").then().statusCode(200).extract().path("document");
        String version = given().get("/v1/rules/scoring").then().extract().path("version");

        given().contentType("application/yaml").body(document.getBytes(StandardCharsets.UTF_8)).post("/v1/scoring/backtest").then()
                .statusCode(200).body("report.changedLeads", equalTo(0)).body("report.candidateVersion", equalTo(version))
                .body("report.transitions.SQL.SQL", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        String competitor = document.replace("competitorDomains: [", "competitorDomains: [backtest-rival.example, ");
        given().contentType("application/yaml").queryParam("changedLeads", 1000).body(competitor.getBytes(StandardCharsets.UTF_8))
                .post("/v1/scoring/backtest").then().statusCode(200)
                .body("recordsRead", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("report.changed.find { it.leadId == '" + demo.getLeadId() + "' }.candidateStage", equalTo("REJECTED"))
                .body("report.changed.find { it.leadId == '" + demo.getLeadId() + "' }.currentStage", equalTo("SQL"));
        given().contentType("application/yaml").body(document.replace("mql: 60", "mql: sixty").getBytes(StandardCharsets.UTF_8))
                .post("/v1/scoring/backtest").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("thresholds.mql")).body("errors.message", hasItem(startsWith("line ")));
        given().header("Authorization", TestTokens.bearer(Roles.SALES_OPS)).contentType("application/yaml")
                .body(document.getBytes(StandardCharsets.UTF_8)).post("/v1/scoring/backtest").then().statusCode(403);
        given().get("/v1/rules/scoring").then().body("version", equalTo(version)); // a backtest publishes nothing
    }

    @Test
    void shouldReassessEveryLeadUnderAPublishedChangeAfterADryRunCountAndLeaveSalesQualifiedLeadsAlone() {
        ConversionCaptured student = TestConversions.notReady("reassess-me@gmail.com");
        ConversionCaptured sales = TestConversions.salesReady("vp@reassess-left-alone.example");
        kafka.send(Topics.CONVERSIONS, student.getLeadId(), student);
        kafka.send(Topics.CONVERSIONS, sales.getLeadId(), sales);
        await().atMost(ARRIVAL).untilAsserted(() -> {
            given().get("/v1/leads/{id}", student.getLeadId()).then().statusCode(200).body("stage", equalTo("REJECTED"));
            given().get("/v1/leads/{id}", sales.getLeadId()).then().statusCode(200).body("stage", equalTo("SQL"));
        });
        String document = given().get("/v1/rules/scoring").then().statusCode(200).extract().path("document");
        try (TopicReader<QualificationDecided> reader = kafka.reader(Topics.DECISIONS)) {
            String lenient = given().contentType("application/yaml").body(document.replace("mql: 60", "mql: -100")
                    .getBytes(StandardCharsets.UTF_8)).put("/v1/rules/scoring").then().statusCode(200).extract().path("version");

            given().queryParam("dryRun", true).post("/v1/scoring/reassess").then().statusCode(200)
                    .body("dryRun", equalTo(true)).body("rulesVersion", equalTo(lenient))
                    .body("moves.'REJECTED -> MQL'", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                    .body("leftAlone", org.hamcrest.Matchers.greaterThanOrEqualTo(1)).body("complete", equalTo(true));
            given().post("/v1/scoring/reassess").then().statusCode(202).body("dryRun", equalTo(false));

            QualificationDecided moved = reader.await(r -> r.key().equals(student.getLeadId()) && r.value().getStage() == LeadStage.MQL,
                    1, ARRIVAL).get(0).value();
            assertEquals(lenient, moved.getRulesVersion(), "moved under the published version");
            assertEquals(LeadStage.REJECTED, moved.getPreviousStage());
            given().get("/v1/leads/{id}", sales.getLeadId()).then().body("stage", equalTo("SQL")); // never pulled back
        } finally {
            given().contentType("application/yaml").body(document.getBytes(StandardCharsets.UTF_8)).put("/v1/rules/scoring").then()
                    .statusCode(200);
        }
    }

    @Test
    void shouldAnswer404ForAnUnknownLead() {
        given().when().get("/v1/leads/00000000-0000-5000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldSendAnUnreadableConversionToTheDeadLetterTopicAndKeepGoing() {
        sendRaw(Topics.CONVERSIONS, "poison", "not avro");
        ConversionCaptured after = TestConversions.notReady("after-poison@gmail.com");
        kafka.send(Topics.CONVERSIONS, after.getLeadId(), after);

        assertDeadLetter(Topics.CONVERSIONS, "poison", "not avro");
        await().atMost(ARRIVAL).untilAsserted(() -> given().when().get("/v1/leads/" + after.getLeadId())
                .then().statusCode(200)
                .body("stage", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("NOT_A_FIT")));
    }

    @Test
    void shouldSendAnUnreadableEngagementToItsDeadLetterTopicAndKeepCountingEngagements() {
        String email = "after-poison@acme.example";
        sendRaw(Topics.ENGAGEMENTS, "poison-engagement", "not avro either");
        EngagementTracked early = TestConversions.engagement(email, EngagementType.PAGE_VIEW, "https://acme.example/pricing", Instant.now());
        kafka.send(Topics.ENGAGEMENTS, early.getLeadId(), early);
        await().atMost(ARRIVAL).untilAsserted(() -> given().when().get("/v1/leads/" + LeadIds.fromEmail(email))
                .then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("1 engagement(s) tracked")));
        ConversionCaptured conversion = TestConversions.conversion(email, FormType.NEWSLETTER_SIGNUP, "Acme", "Analyst", "100",
                "US", Instant.now());
        kafka.send(Topics.CONVERSIONS, conversion.getLeadId(), conversion);

        assertDeadLetter(Topics.ENGAGEMENTS, "poison-engagement", "not avro either");
        await().atMost(ARRIVAL).untilAsserted(() -> given().when().get("/v1/leads/" + conversion.getLeadId())
                .then().statusCode(200)
                .body("activities", hasSize(2))
                .body("reasons.ruleId", hasItem("engagement.page.pricing")));
    }

    @Test
    void shouldCountDecisionsAndDeadLettersAndExposeKafkaClientAndStreamsMetrics() {
        double sql = Metrics.value("qualification_decisions_total", "stage=\"SQL\"", "rejection_reason=\"none\"");
        double notAFit = Metrics.value("qualification_decisions_total", "stage=\"REJECTED\"", "rejection_reason=\"NOT_A_FIT\"");
        double unreadable = Metrics.value("dlq_writes_total", "service=\"qualification-service\"",
                "topic=\"lead.conversions.dlq\"", "reason_kind=\"deserialization\"");
        double unusable = Metrics.value("dlq_writes_total", "service=\"qualification-service\"",
                "topic=\"lead.handoff-outcomes.dlq\"", "reason_kind=\"validation\"");

        ConversionCaptured ready = TestConversions.salesReady("metrics.vp@acme-robotics.example");
        ConversionCaptured notReady = TestConversions.notReady("metrics.someone@gmail.com");
        HandoffOutcomeRecorded misKeyed = TestConversions.closerRejected("metrics.other@acme.example", Instant.now());
        kafka.send(Topics.CONVERSIONS, ready.getLeadId(), ready);
        kafka.send(Topics.CONVERSIONS, notReady.getLeadId(), notReady);
        sendRaw(Topics.CONVERSIONS, "metrics-poison", "not avro");
        sendAsRoutingDoes(Topics.HANDOFF_OUTCOMES, "not-its-lead-id", misKeyed);

        await().atMost(ARRIVAL).untilAsserted(() -> {
            assertEquals(sql + 1, Metrics.value("qualification_decisions_total", "stage=\"SQL\"", "rejection_reason=\"none\""));
            assertEquals(notAFit + 1, Metrics.value("qualification_decisions_total", "stage=\"REJECTED\"",
                    "rejection_reason=\"NOT_A_FIT\""));
            assertEquals(unreadable + 1, Metrics.value("dlq_writes_total", "service=\"qualification-service\"",
                    "topic=\"lead.conversions.dlq\"", "reason_kind=\"deserialization\""));
            assertEquals(unusable + 1, Metrics.value("dlq_writes_total", "service=\"qualification-service\"",
                    "topic=\"lead.handoff-outcomes.dlq\"", "reason_kind=\"validation\""));
        });
        String page = Metrics.page();
        assertTrue(page.contains("qualification_decisions_total{") && page.contains("rules_version=\""), "decisions by rules version");
        assertTrue(page.contains("qualification_decision_lag_seconds_count"), "the decision lag timer");
        assertTrue(page.contains("qualification_stale_expirations_total"), "stale expirations");
        assertTrue(page.contains("qualification_recycles_total"), "recycles");
        assertTrue(page.contains("kafka_stream_"), "Kafka Streams metrics");
        assertTrue(page.contains("kafka_consumer_"), "Kafka consumer client metrics");
        assertTrue(page.contains("kafka_producer_"), "Kafka producer client metrics");
    }

    @Test
    void shouldPreviewAScoreWithoutWritingAnything() {
        given().contentType(ContentType.JSON).body("""
                {"email": "preview.only@acme-robotics.example", "company": "Acme Robotics", "jobTitle": "VP of Sales",
                 "companySize": "500", "country": "US", "formType": "DEMO_REQUEST",
                 "engagements": [{"type": "PAGE_VIEW", "url": "https://acme-robotics.example/pricing"}]}
                """)
                .when().post("/v1/scoring/preview")
                .then().statusCode(200)
                .body("stage", equalTo("SQL"))
                .body("grade", equalTo("A"))
                .body("fitScore", equalTo(80))
                .body("engagementScore", equalTo(65))
                .body("reasons.ruleId", hasItems("stage.fast-track", "engagement.page.pricing"))
                .body("rulesVersion", startsWith("sha256:"));

        given().queryParam("email", "preview.only@acme-robotics.example").when().get("/v1/leads")
                .then().statusCode(404);
    }

    @Test
    void shouldRefuseAPreviewWithoutAnEmail() {
        given().contentType(ContentType.JSON).body("{\"jobTitle\": \"CEO\", \"engagements\": [{\"url\": \"/pricing\"}]}")
                .when().post("/v1/scoring/preview")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'email' is required; 'engagements[0].type' is required"));
    }

    @Test
    void shouldNameEveryBadFieldOfAPreviewOnceInProblemJsonWithoutTheValuesSent() {
        given().contentType(ContentType.JSON).body("""
                {"email": "   ", "firstName": "Private Person", "engagements": [{"type": "PAGE_VIEW"}, {"url": "/pricing"}],
                 "conversions": [null, {"formType": "DEMO_REQUEST"}, {"occurredAt": "2026-01-01T00:00:00Z"}]}
                """)
                .when().post("/v1/scoring/preview")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("'email' is required; 'conversions[0]' is required; 'conversions[2].formType' is required; "
                        + "'engagements[1].type' is required"))
                .body("errors.field", equalTo(List.of("email", "conversions[0]", "conversions[2].formType", "engagements[1].type")))
                .body("errors.message", equalTo(List.of("is required", "is required", "is required", "is required")))
                .body(not(containsString("Private Person")));
        given().contentType(ContentType.JSON).body("null")
                .when().post("/v1/scoring/preview")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'email' is required"))
                .body("errors.field", equalTo(List.of("email")));
    }

    private void sendRaw(String topic, String key, String value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Through the serdes the pipeline's writers use (schema registered dereferenced), as routing writes outcomes. */
    private void sendAsRoutingDoes(String topic, String key, HandoffOutcomeRecorded outcome) {
        kafka.send(topic, key, outcome);
    }

    private void assertDeadLetter(String topic, String key, String value) {
        try (TopicReader<byte[]> deadLetters = new TopicReader<>(bootstrapServers, DeadLetters.topicFor(topic),
                new ByteArrayDeserializer())) {
            var dead = deadLetters.await(r -> key.equals(r.key()), 1, ARRIVAL);
            assertEquals(value, new String(dead.get(0).value(), StandardCharsets.UTF_8));
            assertEquals(topic, new String(dead.get(0).headers().lastHeader(DeadLetters.HEADER_SOURCE_TOPIC).value(),
                    StandardCharsets.UTF_8));
        }
    }
}
