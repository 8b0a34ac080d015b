package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.ConversionCaptured;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Proves that with OpenTelemetry on (as the module's tests run), a conversion written to lead.conversions carries the W3C trace context of the
 * HTTP request that posted it, so the services downstream continue the website's trace.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");
    private static final String WEBSITE_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void shouldWriteTheConversionWithTheTraceOfTheHttpRequest() {
        String conversionId = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + WEBSITE_TRACE_ID + "-00f067aa0ba902b7-01")
                .body("{\"email\": \"traced@acme.example\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");

        Matcher traceparent = traceparentOf(conversionId);
        assertEquals(WEBSITE_TRACE_ID, traceparent.group(1), "the website's trace continues on the record");
        assertNotEquals("00f067aa0ba902b7", traceparent.group(2), "the record's parent is capture's own span");
        String parentSpanId = traceparent.group(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getSpanId().equals(parentSpanId) && span.getTraceId().equals(WEBSITE_TRACE_ID)),
                "capture exported the span the record points to: " + names()));
    }

    @Test
    void shouldStartATraceForAConversionPostedWithoutOne() {
        String conversionId = given().contentType(ContentType.JSON)
                .body("{\"email\": \"untraced@acme.example\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");

        Matcher traceparent = traceparentOf(conversionId);
        String traceId = traceparent.group(1);
        assertNotEquals("00000000000000000000000000000000", traceId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getTraceId().equals(traceId) && span.getParentSpanId().equals("0000000000000000")),
                "the HTTP request's span is the root of the record's trace: " + names()));
    }

    private static Matcher traceparentOf(String conversionId) {
        try (TopicReader<ConversionCaptured> reader = Topics.conversions()) {
            ConsumerRecord<String, ConversionCaptured> record = reader.await(r -> r.value().getConversionId().equals(conversionId), 1,
                    Topics.ARRIVAL).get(0);
            var header = record.headers().lastHeader("traceparent");
            assertTrue(header != null, "the record has a traceparent header");
            String value = new String(header.value(), StandardCharsets.UTF_8);
            Matcher matcher = TRACEPARENT.matcher(value);
            assertTrue(matcher.matches(), "a W3C traceparent: " + value);
            return matcher;
        }
    }

    private String names() {
        return spans.getFinishedSpanItems().stream().map(SpanData::getName).toList().toString();
    }
}
