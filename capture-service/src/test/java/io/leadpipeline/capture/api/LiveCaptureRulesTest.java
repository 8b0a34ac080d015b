package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Proves capture's rules live on lead.rules: a version published with PUT /v1/rules/capture applies to the next request
 * without a restart, a bad one is refused naming its line and changes nothing, and only marketing ops or admin may
 * publish.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class LiveCaptureRulesTest {

    private static final String PARTNER_FORM = "      - {id: partner-webinar, type: WEBINAR_REGISTRATION, thankYouUrl: \"https://partner.example.net/see-you\"}\n";
    private static final String NEW_FORM = "      - {id: spring-webinar, type: WEBINAR_REGISTRATION, thankYouUrl: \"https://partner.example.net/spring\"}\n";

    @Inject
    LiveRules<CaptureRules> rules;

    @Test
    void shouldApplyAPublishedFormToTheNextRequestWithoutARestart() {
        String original = rules.current().document();
        String before = rules.version();
        assertTrue(original.contains(PARTNER_FORM), "the test's capture.yaml has the partner's webinar form");
        post("spring-webinar").then().statusCode(404);
        try {
            put(Roles.MARKETING_OPS, original.replace(PARTNER_FORM, PARTNER_FORM + NEW_FORM))
                    .then().statusCode(200).body("changed", equalTo(true)).body("appliedHere", equalTo(true));

            assertNotEquals(before, rules.version());
            post("spring-webinar").then().statusCode(202);
            assertEquals("partner", rules.get().form("spring-webinar").orElseThrow().site().id());
        } finally {
            put(Roles.ADMIN, original).then().statusCode(200);
        }
        assertEquals(before, rules.version(), "the original document is the original version again");
        post("spring-webinar").then().statusCode(404);
    }

    @Test
    void shouldRefuseAnInvalidVersionNamingItsLineAndKeepTheCurrentOne() {
        String before = rules.version();
        String bad = rules.current().document().replace("keyRetention: 1h", "keyRetention: 0s");

        put(Roles.MARKETING_OPS, bad).then().statusCode(422)
                .body("errors.field", hasItem("idempotency.keyRetention"));

        assertEquals(before, rules.version());
        post("partner-webinar").then().statusCode(202);
    }

    @Test
    void shouldPublishOverTheVersionNamedInIfMatchOnlyWhileItIsStillCurrent() {
        String original = rules.current().document();
        String before = given().header("Authorization", TestTokens.bearer(Roles.MARKETING_OPS)).when().get("/v1/rules/capture")
                .then().statusCode(200).header("ETag", "\"" + rules.version() + "\"").extract().path("version");
        String edited = original.replace(PARTNER_FORM, PARTNER_FORM + NEW_FORM);
        try {
            // Someone else publishes first; an edit made on the version read before is then refused, and changes nothing.
            put(Roles.ADMIN, original + "# someone else's edit\n").then().statusCode(200).body("changed", equalTo(true));
            String theirs = rules.version();
            putIfMatch(before, edited).then().statusCode(412).contentType("application/problem+json")
                    .body("status", equalTo(412)).body("detail", containsString(theirs));
            assertEquals(theirs, rules.version(), "the refused edit changed nothing");
            post("spring-webinar").then().statusCode(404);

            // Made again on the current version, it is published, and its ETag is the new version.
            String published = putIfMatch(theirs, edited).then().statusCode(200).body("changed", equalTo(true))
                    .extract().path("version");
            assertEquals(published, rules.version());
            post("spring-webinar").then().statusCode(202);
        } finally {
            put(Roles.ADMIN, original).then().statusCode(200);
        }
    }

    @Test
    void shouldLetOnlyMarketingOpsOrAdminPublish() {
        String before = rules.version();
        put(Roles.SALES_OPS, rules.current().document() + "# an edit\n").then().statusCode(403);
        given().when().get("/v1/rules/capture").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.OPS)).when().get("/v1/rules/capture")
                .then().statusCode(200).body("version", equalTo(before));
        assertEquals(before, rules.version());
    }

    private static io.restassured.response.Response post(String formId) {
        return given().contentType(ContentType.JSON).header("Origin", "https://partner.example.net")
                .body("{\"email\": \"live.rules@acme.example\", \"formId\": \"" + formId + "\"}")
                .when().post("/v1/conversions");
    }

    private static io.restassured.response.Response putIfMatch(String version, String document) {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETING_OPS)).header("If-Match", "\"" + version + "\"")
                .contentType("application/yaml").body(document.getBytes(StandardCharsets.UTF_8)).when().put("/v1/rules/capture");
    }

    private static io.restassured.response.Response put(String role, String document) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType("application/yaml").body(document.getBytes(StandardCharsets.UTF_8))
                .when().put("/v1/rules/capture");
    }
}
