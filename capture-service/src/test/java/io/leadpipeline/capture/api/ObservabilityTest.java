package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Metrics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Proves ops can see what capture does (metrics for accepted, rejected by reason, honeypot, write latency at
 * /q/metrics, Kafka producer metrics), readiness on Kafka and the registry, that the API is described at /q/openapi
 * with Swagger UI, and that logs never carry an email.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class ObservabilityTest {

    @Test
    void shouldCountAcceptedRejectedAndHoneypotSubmissionsAndTimeWrites() {
        double accepted = metric("capture_accepted_total", "endpoint=\"conversions\"", "site=\"example\"");
        double junk = metric("capture_rejected_total", "endpoint=\"conversions\"", "reason=\"junk_email\"");
        double invalid = metric("capture_rejected_total", "endpoint=\"forms\"", "reason=\"invalid_fields\"");
        double honeypot = metric("capture_honeypot_total", "site=\"example\"");

        given().contentType(ContentType.JSON).body("{\"email\": \"counted@acme.example\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"email\": \"test@test.com\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(400);
        given().contentType(ContentType.URLENC).formParam("email", "bad").redirects().follow(false)
                .when().post("/v1/forms/newsletter").then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"metric.bot@spam.example\", \"formId\": \"newsletter\", \"fields\": {\"website\": \"x\"}}")
                .when().post("/v1/conversions").then().statusCode(202);

        assertEquals(accepted + 1, metric("capture_accepted_total", "endpoint=\"conversions\"", "site=\"example\""));
        assertEquals(junk + 1, metric("capture_rejected_total", "endpoint=\"conversions\"", "reason=\"junk_email\""));
        assertEquals(invalid + 1, metric("capture_rejected_total", "endpoint=\"forms\"", "reason=\"invalid_fields\""));
        assertEquals(honeypot + 1, metric("capture_honeypot_total", "site=\"example\""));
        assertTrue(metric("capture_write_latency_seconds_count", "topic=\"lead.conversions\"", "outcome=\"acknowledged\"") >= 1);
    }

    @Test
    void shouldBeReadyWithKafkaAndTheRegistryReachableAndExposeKafkaProducerMetrics() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'schema-registry' }.status", equalTo("UP"));
        given().contentType(ContentType.JSON).body("{\"email\": \"producer.metrics@acme.example\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("kafka_producer_"));
    }

    @Test
    void shouldDescribeEveryEndpointInOpenApiWithSwaggerUi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/v1/conversions"))
                .body(containsString("/v1/forms/{formId}"))
                .body(containsString("/v1/engagements"))
                .body(containsString("Idempotency-Key"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldNeverLogAnEmailAddress() {
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.leadpipeline.capture");
        logger.addHandler(handler);
        try {
            given().contentType(ContentType.JSON).body("{\"email\": \"private.person@mailinator.com\", \"formId\": \"newsletter\"}")
                    .when().post("/v1/conversions").then().statusCode(400);
        } finally {
            logger.removeHandler(handler);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("p***@mailinator.com")), "the refusal is logged, masked: " + lines);
        assertFalse(lines.stream().anyMatch(line -> line.contains("private.person")), "never the address itself: " + lines);
    }

    private static double metric(String name, String... labels) {
        return Metrics.value(name, labels);
    }
}
