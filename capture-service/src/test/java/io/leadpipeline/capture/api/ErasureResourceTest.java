package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.messaging.ErasureEvents;
import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Proves an administrator's erasure request lands on lead.engagements, keyed by the lead, and that nobody else may ask. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class ErasureResourceTest {

    @Test
    void shouldWriteAnErasureRequestedEngagementForTheLeadOfAnEmailAddress() {
        String leadId = LeadIds.fromEmail("forget.me@acme.example");
        String erasureId = given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"email\": \"  Forget.Me@ACME.example \"}")
                .when().post("/v1/leads/erasure")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("leadId", equalTo(leadId))
                .extract().path("erasureId");

        ConsumerRecord<String, EngagementTracked> written = onlyRecord(erasureId);
        assertEquals(leadId, written.key());
        assertEquals(EngagementType.ERASURE_REQUESTED, written.value().getType());
        assertEquals(leadId, written.value().getLeadId());
        assertEquals(ErasureEvents.REQUESTED_BY_ADMIN, written.value().getSiteId());
        assertNull(written.value().getDetail().getUrl());
    }

    @Test
    void shouldWriteAnErasureByLeadId() {
        String leadId = LeadIds.fromEmail("by.id@acme.example");
        String erasureId = given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .when().post("/v1/leads/" + leadId + "/erasure")
                .then().statusCode(202)
                .body("leadId", equalTo(leadId))
                .extract().path("erasureId");

        assertEquals(EngagementType.ERASURE_REQUESTED, onlyRecord(erasureId).value().getType());
    }

    @Test
    void shouldRefuseAnyoneButAnAdministrator() {
        String leadId = LeadIds.fromEmail("keep.me@acme.example");
        given().when().post("/v1/leads/" + leadId + "/erasure")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer test-example-key") // a site's API key is no token
                .when().post("/v1/leads/" + leadId + "/erasure")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.expired(Roles.ADMIN))
                .when().post("/v1/leads/" + leadId + "/erasure")
                .then().statusCode(401);
        for (String role : List.of(Roles.MARKETING_OPS, Roles.SALES_OPS, Roles.OPS)) {
            given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON)
                    .body("{\"email\": \"keep.me@acme.example\"}")
                    .when().post("/v1/leads/erasure")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.closer("closer-ava"))
                .when().post("/v1/leads/" + leadId + "/erasure")
                .then().statusCode(403);
    }

    @Test
    void shouldRefuseWhatIsNoLeadOrNoAddressWithoutRepeatingIt() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .when().post("/v1/leads/not-a-lead/erasure")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"email\": \"jane.doe at acme\"}")
                .when().post("/v1/leads/erasure")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"))
                .body(not(containsString("jane.doe")));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{}")
                .when().post("/v1/leads/erasure")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
    }

    private static ConsumerRecord<String, EngagementTracked> onlyRecord(String erasureId) {
        try (TopicReader<EngagementTracked> reader = Topics.engagements()) {
            var written = reader.await(r -> r.value().getEngagementId().equals(erasureId), 1, Topics.ARRIVAL);
            assertEquals(1, written.size());
            return written.get(0);
        }
    }
}
