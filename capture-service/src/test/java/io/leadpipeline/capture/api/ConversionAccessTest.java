package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.events.ConversionCaptured;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Proves who may post what: browsers only from their site's origins, servers with their own site's key (trusted,
 * backdating allowed), unknown keys never; and that client IPs are kept only for sites that enable it.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class ConversionAccessTest {

    private static final String EXAMPLE_ORIGIN = "https://www.example.com";
    private static final String PARTNER_ORIGIN = "https://partner.example.net";

    @Test
    void shouldAcceptAnAllowedOriginAndLetItsScriptReadTheAnswer() {
        given().contentType(ContentType.JSON).header("Origin", EXAMPLE_ORIGIN)
                .body("{\"email\": \"origin.ok@acme.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions")
                .then().statusCode(202)
                .header("Access-Control-Allow-Origin", EXAMPLE_ORIGIN)
                .header("Vary", "Origin");
    }

    @Test
    void shouldAcceptAPostWithoutOriginLikeAnyPublicForm() {
        given().contentType(ContentType.JSON).body("{\"email\": \"curl@acme.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions")
                .then().statusCode(202);
    }

    @Test
    void shouldRefuseAnOriginTheFormsSiteDoesNotAllow() {
        given().contentType(ContentType.JSON).header("Origin", "https://evil.example")
                .body("{\"email\": \"evil.origin@acme.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        // Allowed for another site is not allowed for this one.
        given().contentType(ContentType.JSON).header("Origin", PARTNER_ORIGIN)
                .body("{\"email\": \"partner.origin@acme.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions")
                .then().statusCode(403)
                .body("detail", equalTo("Origin https://partner.example.net may not post to form 'demo-request'"));
        Topics.assertNoConversion(c -> c.getContact().getEmail().startsWith("evil.origin@")
                || c.getContact().getEmail().startsWith("partner.origin@"));
    }

    @Test
    void shouldMarkPostsWithTheSitesKeyTrustedAndKeepTheirBackdatedTime() {
        Instant lastWeek = Instant.parse("2026-01-05T09:30:00Z");
        String conversionId = given().contentType(ContentType.JSON).auth().oauth2("test-example-key")
                .body("{\"email\": \"crm.import@acme.example\", \"formId\": \"demo-request\", \"submittedAt\": \"" + lastWeek + "\"}")
                .when().post("/v1/conversions")
                .then().statusCode(202).extract().path("conversionId");
        ConversionCaptured conversion = Topics.onlyConversion(conversionId);
        assertTrue(conversion.getSourceTrusted());
        assertEquals(lastWeek, conversion.getOccurredAt());
        assertTrue(conversion.getReceivedAt().isAfter(lastWeek));
    }

    @Test
    void shouldIgnoreABackdatedTimeFromABrowser() {
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        String conversionId = given().contentType(ContentType.JSON)
                .body("{\"email\": \"browser.clock@acme.example\", \"formId\": \"demo-request\", \"submittedAt\": \"2020-01-01T00:00:00Z\"}")
                .when().post("/v1/conversions")
                .then().statusCode(202).extract().path("conversionId");
        ConversionCaptured conversion = Topics.onlyConversion(conversionId);
        assertFalse(conversion.getSourceTrusted());
        assertEquals(conversion.getReceivedAt(), conversion.getOccurredAt());
        assertTrue(conversion.getOccurredAt().isAfter(before));
    }

    @Test
    void shouldAnswer401ForAnUnknownKeyAndNeverTreatItAsNoKey() {
        given().contentType(ContentType.JSON).auth().oauth2("guessed-key")
                .body("{\"email\": \"bad.key@acme.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"capture\"");
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("bad.key@acme.example"));
    }

    @Test
    void shouldAnswer403ForAKeyOfAnotherSite() {
        given().contentType(ContentType.JSON).auth().oauth2("test-partner-key")
                .body("{\"email\": \"wrong.site@acme.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldKeepTheClientIpOnlyForSitesThatEnableIt() {
        String partner = given().contentType(ContentType.JSON).header("Origin", PARTNER_ORIGIN).header("X-Forwarded-For", "203.0.113.7")
                .body("{\"email\": \"ip.kept@acme.example\", \"formId\": \"partner-webinar\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        String example = given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.8")
                .body("{\"email\": \"ip.dropped@acme.example\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        assertEquals("203.0.113.7", Topics.onlyConversion(partner).getClientIp());
        assertNull(Topics.onlyConversion(example).getClientIp());
    }

    @Test
    void shouldUseEachSitesOwnHoneypotField() {
        given().contentType(ContentType.JSON).header("Origin", PARTNER_ORIGIN)
                .body("{\"email\": \"partner.bot@spam.example\", \"formId\": \"partner-webinar\", \"fields\": {\"nickname\": \"buy\"}}")
                .when().post("/v1/conversions").then().statusCode(202);
        String human = given().contentType(ContentType.JSON).header("Origin", PARTNER_ORIGIN)
                .body("{\"email\": \"partner.human@acme.example\", \"formId\": \"partner-webinar\", \"fields\": {\"website\": \"acme.example\"}}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        assertEquals("acme.example", Topics.onlyConversion(human).getCustomFields().get("website"), "not this site's honeypot: a custom field");
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("partner.bot@spam.example"));
    }
}
