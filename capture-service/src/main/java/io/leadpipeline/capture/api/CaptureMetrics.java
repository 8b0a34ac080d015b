package io.leadpipeline.capture.api;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Capture's meters, served at {@code /q/metrics} (Prometheus names: dots become underscores, counters end in
 * {@code _total}). Tags never carry personal data: sites, endpoints, reasons and topics only.
 */
@ApplicationScoped
public class CaptureMetrics {

    /** Which HTTP endpoint a request came through: the {@code endpoint} tag. */
    public enum Endpoint {
        CONVERSIONS("conversions"), FORMS("forms"), ENGAGEMENTS("engagements");

        final String tag;

        Endpoint(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public CaptureMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(Endpoint endpoint, String siteId) {
        Counter.builder("capture.accepted").description("Conversions and engagements acknowledged by Kafka")
                .tag("endpoint", endpoint.tag).tag("site", siteId).register(registry).increment();
    }

    public void deduplicated(String kind) {
        Counter.builder("capture.deduplicated").description("Retries and double clicks answered from an earlier write")
                .tag("kind", kind).register(registry).increment();
    }

    public void rejected(Endpoint endpoint, RejectionReason reason) {
        Counter.builder("capture.rejected").description("Requests refused, by reason")
                .tag("endpoint", endpoint.tag).tag("reason", reason.tag()).register(registry).increment();
    }

    public void rateLimited(String limit) {
        Counter.builder("capture.rate.limited").description("Requests answered 429, by the limit that was hit")
                .tag("limit", limit).register(registry).increment();
    }

    public void honeypot(String siteId) {
        Counter.builder("capture.honeypot").description("Submissions with a filled honeypot: answered as success, not written")
                .tag("site", siteId).register(registry).increment();
    }

    public void erasureRequested() {
        Counter.builder("capture.erasures.requested").description("Erasure requests acknowledged by Kafka")
                .register(registry).increment();
    }

    public void writeFinished(String topic, Duration latency, boolean acknowledged) {
        Timer.builder("capture.write.latency").description("From send to the broker's acknowledgement (or failure)")
                .tag("topic", topic).tag("outcome", acknowledged ? "acknowledged" : "failed")
                .publishPercentileHistogram()
                .register(registry).record(latency);
        if (!acknowledged) {
            Counter.builder("capture.writes.failed").description("Writes Kafka did not acknowledge in time (answered 503)")
                    .tag("topic", topic).register(registry).increment();
        }
    }
}
