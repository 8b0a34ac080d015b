package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Metrics;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.InjectDevStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Proves capture never answers success for a write Kafka did not acknowledge: with the broker down every endpoint
 * answers 503 + Retry-After, and a retry with the same Idempotency-Key once Kafka is back is stored, once.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class CaptureWhileKafkaIsDownTest {

    @InjectDevStack
    DevStack stack;

    @Test
    void shouldAnswer503WithRetryAfterWhenTheBrokerCannotAcknowledge() {
        given().contentType(ContentType.JSON).body("{\"email\": \"warmup@example.org\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202);
        String key = UUID.randomUUID().toString();
        String body = "{\"email\": \"down@example.org\", \"formId\": \"newsletter\"}";
        double failedWrites = Metrics.value("capture_writes_failed_total");
        stack.stopBroker();
        try {
            // The three endpoints at once, as a site's visitors would hit them: each waits out the producer's delivery
            // timeout on its own, so together they take one timeout, not three.
            CompletableFuture<Void> conversion = CompletableFuture.runAsync(() -> given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(body)
                    .when().post("/v1/conversions")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503)));
            CompletableFuture<Void> form = CompletableFuture.runAsync(() -> given().redirects().follow(false)
                    .contentType(ContentType.URLENC).accept("text/html")
                    .formParam("email", "down.form@example.org")
                    .when().post("/v1/forms/newsletter")
                    .then().statusCode(503)
                    .header("Retry-After", "5")
                    .contentType(containsString("text/html")));
            CompletableFuture<Void> engagement = CompletableFuture.runAsync(() -> given().contentType(ContentType.JSON)
                    .auth().oauth2("test-example-key")
                    .body("{\"type\": \"PAGE_VIEW\", \"email\": \"down@example.org\"}")
                    .when().post("/v1/engagements")
                    .then().statusCode(503)
                    .header("Retry-After", "5"));
            CompletableFuture.allOf(conversion, form, engagement).join();
        } finally {
            stack.startBroker();
        }
        assertEquals(failedWrites + 3, Metrics.value("capture_writes_failed_total"), "every failed write is counted");
        // The client retries as told; once Kafka is back the same key is stored, and only once.
        String[] conversionId = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            var response = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .when().post("/v1/conversions");
            conversionId[0] = response.statusCode() == 202 ? response.path("conversionId") : null;
            return conversionId[0] != null;
        });
        assertEquals(1, Topics.conversionsWithId(conversionId[0]).size());
    }
}
