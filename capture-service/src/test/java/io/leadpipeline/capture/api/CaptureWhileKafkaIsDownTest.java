package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.InjectDevStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Proves capture never answers 202 for a write Kafka did not acknowledge: with the broker down it answers 503 + Retry-After. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class CaptureWhileKafkaIsDownTest {

    @InjectDevStack
    DevStack stack;

    @Test
    void shouldAnswer503WithRetryAfterWhenTheBrokerCannotAcknowledge() {
        given().contentType(ContentType.JSON).body("{\"email\": \"warmup@example.org\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202);
        stack.stopBroker();
        try {
            given().contentType(ContentType.JSON).body("{\"email\": \"down@example.org\", \"formId\": \"newsletter\"}")
                    .when().post("/v1/conversions")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
        } finally {
            stack.startBroker();
        }
    }
}
