package io.leadpipeline.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Carries W3C trace context ({@code traceparent}, {@code tracestate}) across a Kafka Streams hop, so one conversion's
 * path through the services is one trace. Kafka Streams does not propagate it by itself when a processor builds new
 * records. With an active OpenTelemetry SDK each processed record gets a span (child of the context in the record's
 * headers) and the records it causes carry that span's context; without one (tracing off, the default) the input's
 * trace headers are copied unchanged, so the trace id still survives the hop.
 */
public final class StreamsTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final List<String> TRACE_HEADERS = List.of(TRACEPARENT, TRACESTATE);

    /** Copies trace headers only: for topology tests and wherever no OpenTelemetry is configured. */
    public static final StreamsTracing OFF = new StreamsTracing(OpenTelemetry.noop());

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).distinct().toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
    private static final TextMapSetter<Headers> SETTER = (carrier, key, value) -> {
        carrier.remove(key);
        carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public StreamsTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.leadpipeline.kafka-streams");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts the hop for a record read from {@code topic}; forward {@link Hop#headers()} on every record it causes
     * and close the hop when the record is processed.
     */
    public Hop start(String topic, Headers input) {
        Context parent = propagator.extract(Context.root(), input, GETTER);
        Span span = tracer.spanBuilder("process " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "process")
                .startSpan();
        Headers output = new RecordHeaders();
        if (span.getSpanContext().isValid() && !span.getSpanContext().equals(Span.fromContext(parent).getSpanContext())) {
            propagator.inject(parent.with(span), output, SETTER);
        } else {
            copyTraceHeaders(input, output);
        }
        return new Hop(span, output);
    }

    /** The trace headers of {@code input} (none if it has none), as headers for a record caused by it. */
    public static Headers traceHeadersOf(Headers input) {
        Headers output = new RecordHeaders();
        copyTraceHeaders(input, output);
        return output;
    }

    private static void copyTraceHeaders(Headers input, Headers output) {
        for (String name : TRACE_HEADERS) {
            Header header = input == null ? null : input.lastHeader(name);
            if (header != null) {
                output.add(name, header.value());
            }
        }
    }

    /** One processed record: its span (a no-op when tracing is off) and the headers for what it causes. */
    public static final class Hop implements AutoCloseable {

        private final Span span;
        private final Headers headers;

        private Hop(Span span, Headers headers) {
            this.span = span;
            this.headers = headers;
        }

        /** A fresh copy for each forwarded record (records may be changed downstream). */
        public Headers headers() {
            return new RecordHeaders(headers.toArray());
        }

        @Override
        public void close() {
            span.end();
        }
    }
}
