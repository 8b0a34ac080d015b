package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.Metrics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Proves the configured rate limits hold: per client IP for browsers, per key for servers, each answered 429 with
 * Retry-After, and one client's limit does not hold back another. (capture.yaml: src/test/resources/strict-limits.)
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@TestProfile(RateLimitTest.StrictRateLimits.class)
class RateLimitTest {

    /** Its own application: capture.yaml from src/test/resources/strict-limits, X-Forwarded-For trusted. */
    public static class StrictRateLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pipeline.config-dir", "src/test/resources/strict-limits",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void shouldLimitEachClientIpAndTellItWhenToRetry() {
        double limited = Metrics.value("capture_rate_limited_total", "limit=\"client_ip\"");
        for (int i = 0; i < 3; i++) {
            post("198.51.100.1", "ip.limit." + i + "@acme.example").then().statusCode(202);
        }
        int retryAfter = Integer.parseInt(post("198.51.100.1", "ip.limit.over@acme.example")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue())
                .extract().header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 1200, "a 3-per-hour bucket refills one request in 20 minutes: " + retryAfter);
        post("198.51.100.2", "other.ip@acme.example").then().statusCode(202);
        assertEquals(limited + 1, Metrics.value("capture_rate_limited_total", "limit=\"client_ip\""));
    }

    @Test
    void shouldLimitEachApiKeyRatherThanItsServersIp() {
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).auth().oauth2("test-throttled-key").header("X-Forwarded-For", "198.51.100.9")
                    .body("{\"email\": \"key.limit." + i + "@acme.example\", \"formId\": \"newsletter\"}")
                    .when().post("/v1/conversions").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).auth().oauth2("test-throttled-key").header("X-Forwarded-For", "198.51.100.10")
                .body("{\"email\": \"key.limit.over@acme.example\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions")
                .then().statusCode(429)
                .header("Retry-After", notNullValue());
        given().contentType(ContentType.JSON).auth().oauth2("test-throttled-key").header("X-Forwarded-For", "198.51.100.10")
                .body("{\"type\": \"PAGE_VIEW\", \"email\": \"key.limit.over@acme.example\"}")
                .when().post("/v1/engagements")
                .then().statusCode(429);
    }

    private static io.restassured.response.Response post(String clientIp, String email) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientIp)
                .body("{\"email\": \"" + email + "\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions");
    }
}
