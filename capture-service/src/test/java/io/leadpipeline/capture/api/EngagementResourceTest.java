package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.kafka.LeadIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Proves POST /v1/engagements needs a site's API key and writes what a lead did to lead.engagements, once per engagement. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class EngagementResourceTest {

    private static final String KEY = "test-example-key";

    @Test
    void shouldWriteAnEngagementIdentifiedByEmail() {
        Instant clickedAt = Instant.parse("2026-02-10T08:15:00Z");
        String engagementId = given().contentType(ContentType.JSON).auth().oauth2(KEY)
                .body("""
                        {"type": "EMAIL_CLICKED", "email": "Eve@Acme.example", "occurredAt": "%s",
                         "url": "https://www.example.com/pricing", "campaign": "spring", "touchId": "touch-1"}
                        """.formatted(clickedAt))
                .when().post("/v1/engagements")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("leadId", equalTo(LeadIds.fromEmail("eve@acme.example")))
                .extract().path("engagementId");

        EngagementTracked engagement = onlyEngagement(engagementId);
        assertEquals(LeadIds.fromEmail("eve@acme.example"), engagement.getLeadId());
        assertEquals(EngagementType.EMAIL_CLICKED, engagement.getType());
        assertEquals(clickedAt, engagement.getOccurredAt());
        assertEquals("example", engagement.getSiteId());
        assertEquals("https://www.example.com/pricing", engagement.getDetail().getUrl());
        assertEquals("touch-1", engagement.getDetail().getTouchId());
    }

    @Test
    void shouldAcceptALeadIdInsteadOfAnEmailAndLowerCaseTypes() {
        String leadId = LeadIds.fromEmail("known.lead@acme.example");
        String engagementId = given().contentType(ContentType.JSON).auth().oauth2(KEY)
                .body("{\"type\": \"webinar-attended\", \"leadId\": \"" + leadId + "\", \"contentId\": \"webinar-42\"}")
                .when().post("/v1/engagements")
                .then().statusCode(202)
                .body("leadId", equalTo(leadId))
                .extract().path("engagementId");
        assertEquals(EngagementType.WEBINAR_ATTENDED, onlyEngagement(engagementId).getType());
    }

    @Test
    void shouldAnswer401WithoutAKeyOrWithAnUnknownOne() {
        given().contentType(ContentType.JSON).body("{\"type\": \"PAGE_VIEW\", \"email\": \"anon@acme.example\"}")
                .when().post("/v1/engagements")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"capture\"");
        given().contentType(ContentType.JSON).auth().oauth2("not-a-key").body("{\"type\": \"PAGE_VIEW\", \"email\": \"anon@acme.example\"}")
                .when().post("/v1/engagements")
                .then().statusCode(401);
    }

    @Test
    void shouldNameEveryBadFieldAndWriteNothing() {
        String marker = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).auth().oauth2(KEY)
                .body("{\"type\": \"sneezed\", \"leadId\": \"not-a-uuid\", \"contentId\": \"" + marker + "\"}")
                .when().post("/v1/engagements")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("type", "leadId")));
        String valid = given().contentType(ContentType.JSON).auth().oauth2(KEY)
                .body("{\"type\": \"PAGE_VIEW\", \"email\": \"after.bad@acme.example\"}")
                .when().post("/v1/engagements").then().statusCode(202).extract().path("engagementId");
        try (TopicReader<EngagementTracked> reader = Topics.engagements()) {
            reader.await(r -> r.value().getEngagementId().equals(valid), 1, Topics.ARRIVAL);
            assertTrue(reader.upToNow(r -> marker.equals(r.value().getDetail().getContentId())).isEmpty(), "the refused engagement was never written");
        }
    }

    @Test
    void shouldGiveARetryOfTheSameEngagementTheSameId() {
        String body = "{\"type\": \"EMAIL_OPENED\", \"email\": \"opener@acme.example\", \"occurredAt\": \"2026-02-11T10:00:00Z\", \"touchId\": \"t-9\"}";
        String first = given().contentType(ContentType.JSON).auth().oauth2(KEY).body(body)
                .when().post("/v1/engagements").then().statusCode(202).extract().path("engagementId");
        String again = given().contentType(ContentType.JSON).auth().oauth2(KEY).body(body)
                .when().post("/v1/engagements").then().statusCode(202).extract().path("engagementId");
        assertEquals(first, again, "the same fact reported twice is one engagement for consumers deduplicating on its id");

        String key = UUID.randomUUID().toString();
        String keyed = given().contentType(ContentType.JSON).auth().oauth2(KEY).header("Idempotency-Key", key)
                .body("{\"type\": \"PAGE_VIEW\", \"email\": \"opener@acme.example\"}")
                .when().post("/v1/engagements").then().statusCode(202).extract().path("engagementId");
        String keyedRetry = given().contentType(ContentType.JSON).auth().oauth2(KEY).header("Idempotency-Key", key)
                .body("{\"type\": \"PAGE_VIEW\", \"email\": \"opener@acme.example\"}")
                .when().post("/v1/engagements").then().statusCode(202).extract().path("engagementId");
        assertEquals(keyed, keyedRetry);
    }

    private static EngagementTracked onlyEngagement(String engagementId) {
        try (TopicReader<EngagementTracked> reader = Topics.engagements()) {
            var written = reader.await(r -> r.value().getEngagementId().equals(engagementId), 1, Topics.ARRIVAL);
            assertEquals(1, written.size());
            return written.get(0).value();
        }
    }
}
