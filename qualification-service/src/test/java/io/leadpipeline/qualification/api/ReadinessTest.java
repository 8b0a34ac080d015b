package io.leadpipeline.qualification.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.InjectDevStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SignedInAs;

/**
 * Proves /q/health/ready tells an orchestrator the truth: DOWN while the schema registry or the Kafka broker is
 * unreachable, UP again once it is back. On the module's shared broker and registry, which it stops and starts again
 * (the registry keeps its schemas in a file, so the classes after it read on).
 */
@SignedInAs(Roles.MARKETING_OPS)
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class ReadinessTest {

    private static final Duration NOTICED = Duration.ofSeconds(60);
    private static final Duration RECOVERED = Duration.ofSeconds(180);

    @InjectDevStack
    DevStack stack;

    @Test
    void shouldBeNotReadyWhileTheRegistryIsDownAndReadyOnceItIsBack() {
        awaitReady();
        stack.stopRegistry();
        try {
            await().atMost(NOTICED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonPath health = readiness(503);
                assertEquals("DOWN", status(health, "schema-registry"));
                assertEquals("UP", status(health, "kafka"));
            });
        } finally {
            stack.startRegistry();
        }
        awaitReady();
    }

    @Test
    void shouldBeNotReadyWhileTheBrokerIsDownAndReadyOnceItIsBack() {
        awaitReady();
        stack.stopBroker();
        try {
            await().atMost(NOTICED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonPath health = readiness(503);
                assertEquals("DOWN", status(health, "kafka"));
                assertEquals("UP", status(health, "schema-registry"));
            });
        } finally {
            stack.startBroker();
        }
        awaitReady();
    }

    private static void awaitReady() {
        await().atMost(RECOVERED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath health = readiness(200);
            assertEquals("UP", status(health, "kafka"));
            assertEquals("UP", status(health, "schema-registry"));
            assertEquals("UP", health.getString("status"), "every check, Quarkus' Kafka Streams topics check included");
        });
    }

    private static JsonPath readiness(int expectedStatus) {
        return given().when().get("/q/health/ready").then().statusCode(expectedStatus).extract().jsonPath();
    }

    private static String status(JsonPath health, String check) {
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream().filter(c -> check.equals(c.get("name"))).map(c -> String.valueOf(c.get("status")))
                .findFirst().orElse("missing");
    }
}
