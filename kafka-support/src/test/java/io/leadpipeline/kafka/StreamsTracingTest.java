package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** Proves a Kafka Streams hop keeps the record's trace: copied when tracing is off, continued by a child span when on. */
class StreamsTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01";

    @Test
    void shouldCopyOnlyTheTraceHeadersWhenTracingIsOff() {
        Headers input = new RecordHeaders();
        input.add("traceparent", bytes(TRACEPARENT));
        input.add("tracestate", bytes("vendor=value"));
        input.add("dlq.reason", bytes("not a trace header"));

        try (StreamsTracing.Hop hop = StreamsTracing.OFF.start("lead.conversions", input)) {
            Headers output = hop.headers();
            assertEquals(TRACEPARENT, text(output, "traceparent"));
            assertEquals("vendor=value", text(output, "tracestate"));
            assertNull(output.lastHeader("dlq.reason"));
        }
    }

    @Test
    void shouldForwardNoTraceWhenTheInputHasNone() {
        try (StreamsTracing.Hop hop = StreamsTracing.OFF.start("lead.conversions", new RecordHeaders())) {
            assertEquals(List.of(), List.of(hop.headers().toArray()));
        }
    }

    @Test
    void shouldContinueTheTraceWithAChildSpanWhenTracingIsOn() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build()) {
            Headers input = new RecordHeaders();
            input.add("traceparent", bytes(TRACEPARENT));

            String forwarded;
            try (StreamsTracing.Hop hop = new StreamsTracing(sdk).start("lead.decisions", input)) {
                forwarded = text(hop.headers(), "traceparent");
            }

            SpanData span = spans.getFinishedSpanItems().getFirst();
            assertEquals("process lead.decisions", span.getName());
            assertEquals(SpanKind.CONSUMER, span.getKind());
            assertEquals(TRACE_ID, span.getTraceId());
            assertEquals(PARENT_SPAN_ID, span.getParentSpanId());
            assertEquals("00-" + TRACE_ID + "-" + span.getSpanId() + "-01", forwarded);
            assertNotEquals(TRACEPARENT, forwarded);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
