package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Metrics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Proves the configured rate limits hold: per client IP for browsers, per key for servers, each answered 429 with
 * Retry-After, and one client's limit does not hold back another. The limits are a rules version of their own, published
 * for each test on the module's application as an operator would (PUT /v1/rules/capture) and the test's capture.yaml
 * published back after it: small enough to hit in a test, refilling slowly enough not to refill during it.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class RateLimitTest {

    private static final String GENEROUS_PER_IP = "perClientIp: {requests: 100000, per: 1s}";
    private static final String STRICT_PER_IP = "perClientIp: {requests: 3, per: 1h}";
    private static final String EXAMPLE_SERVER_KEY = "      - {id: example-server, sha256: 5f6c0518ecff1caad62d806e7f50a3749bd581ec4ca173aea882e234a380642f}  # test-example-key\n";
    private static final String THROTTLED_SERVER_KEY =
            "      - {id: throttled-server, sha256: f045549b3c8f881551c62753d7090128ecc9cff668420b8a09501e7b780a8eba, rateLimit: {requests: 2, per: 1h}}  # test-throttled-key\n";
    /** Buckets outlive a rules version (same limit, same bucket): fresh client addresses keep a retried test independent. */
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(ThreadLocalRandom.current().nextInt(200));

    @Inject
    LiveRules<CaptureRules> rules;

    private String original;

    @BeforeEach
    void publishStrictLimits() {
        original = rules.current().document();
        assertTrue(original.contains(GENEROUS_PER_IP) && original.contains(EXAMPLE_SERVER_KEY), "the test's capture.yaml as expected");
        publish(original.replace(GENEROUS_PER_IP, STRICT_PER_IP).replace(EXAMPLE_SERVER_KEY, EXAMPLE_SERVER_KEY + THROTTLED_SERVER_KEY));
    }

    @AfterEach
    void publishTheOriginalBack() {
        publish(original);
    }

    @Test
    void shouldLimitEachClientIpAndTellItWhenToRetry() {
        double limited = Metrics.value("capture_rate_limited_total", "limit=\"client_ip\"");
        String client = nextClient();
        for (int i = 0; i < 3; i++) {
            post(client, "ip.limit." + i + "@acme.example").then().statusCode(202);
        }
        int retryAfter = Integer.parseInt(post(client, "ip.limit.over@acme.example")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue())
                .extract().header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 1200, "a 3-per-hour bucket refills one request in 20 minutes: " + retryAfter);
        post(nextClient(), "other.ip@acme.example").then().statusCode(202);
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

    private static String nextClient() {
        return "198.51.100." + (1 + NEXT_CLIENT.getAndIncrement() % 254);
    }

    private static void publish(String document) {
        given().header("Authorization", TestTokens.bearer(Roles.MARKETING_OPS)).contentType("application/yaml")
                .body(document.getBytes(StandardCharsets.UTF_8))
                .when().put("/v1/rules/capture").then().statusCode(200).body("appliedHere", equalTo(true));
    }

    private static io.restassured.response.Response post(String clientIp, String email) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientIp)
                .body("{\"email\": \"" + email + "\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions");
    }
}
