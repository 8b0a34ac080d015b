package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.devstack.DevStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Proves browsers' CORS preflights are answered per site: allowed origins get the headers, others get 403. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class CorsPreflightTest {

    @Test
    void shouldAllowAPreflightFromAConfiguredOrigin() {
        given().header("Origin", "https://www.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .when().options("/v1/conversions")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://www.example.com")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin");
    }

    @Test
    void shouldRefuseAPreflightFromAnOriginNoSiteAllows() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/conversions")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldAnswerAFormsPreflightForItsOwnSiteOnly() {
        given().header("Origin", "https://partner.example.net").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/forms/partner-webinar")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://partner.example.net");
        given().header("Origin", "https://www.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/forms/partner-webinar")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldAnswer404ToAPreflightForAnUnknownForm() {
        given().header("Origin", "https://www.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/forms/no-such-form")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
