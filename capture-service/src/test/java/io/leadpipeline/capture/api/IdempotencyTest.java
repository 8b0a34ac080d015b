package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.domain.ConversionIds;
import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Proves a retried request (same Idempotency-Key) and a double click (identical body, no key) are one conversion:
 * the same conversionId, written once; and that the id is the one any other instance would derive.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class IdempotencyTest {

    @Test
    void shouldAnswerARetryWithTheSameKeyWithTheSameConversionAndWriteItOnce() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\": \"retry@acme.example\", \"formId\": \"demo-request\", \"company\": \"Acme\"}";
        String first = post(body, key);
        String retry = post(body, key);
        assertEquals(first, retry);
        assertEquals(ConversionIds.forIdempotencyKey("example", key), first, "any instance, or this one after a restart, derives the same id");
        Topics.onlyConversion(first);
    }

    @Test
    void shouldRefuseTheSameKeyForADifferentSubmission() {
        String key = UUID.randomUUID().toString();
        post("{\"email\": \"reuse@acme.example\", \"formId\": \"demo-request\"}", key);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"email\": \"someone.else@acme.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions")
                .then().statusCode(422)
                .contentType("application/problem+json");
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("someone.else@acme.example"));
    }

    @Test
    void shouldTreatADoubleClickAsOneConversion() {
        String body = "{\"email\": \"double.click@acme.example\", \"formId\": \"newsletter\", \"firstName\": \"Dee\"}";
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> post(body, null));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> post(body, null));
        String third = post(body.replace("\"Dee\"", " \"Dee \""), null); // the same form fill, formatted differently
        assertEquals(first.join(), second.join());
        assertEquals(first.join(), third);
        Topics.onlyConversion(first.join());
    }

    @Test
    void shouldKeepDifferentSubmissionsApart() {
        String one = post("{\"email\": \"two.forms@acme.example\", \"formId\": \"newsletter\"}", null);
        String other = post("{\"email\": \"two.forms@acme.example\", \"formId\": \"ebook\"}", null);
        assertNotEquals(one, other);
    }

    @Test
    void shouldRefuseAnUnusableIdempotencyKey() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256))
                .body("{\"email\": \"long.key@acme.example\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("Idempotency-Key")));
    }

    private static String post(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
    }
}
