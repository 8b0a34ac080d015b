package io.leadpipeline.capture.api;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * A write counts only once the broker acknowledged it within {@code capture.write-deadline}; otherwise the
 * client gets 503 + Retry-After, never a 202 for a write that did not happen. Times and counts every write.
 */
@ApplicationScoped
public class AcknowledgedWrites {

    private static final Logger LOG = Logger.getLogger(AcknowledgedWrites.class);

    private final Duration deadline;
    private final int retryAfterSeconds;
    private final CaptureMetrics metrics;

    public AcknowledgedWrites(@ConfigProperty(name = "capture.write-deadline") Duration deadline,
            @ConfigProperty(name = "capture.retry-after-seconds") int retryAfterSeconds, CaptureMetrics metrics) {
        this.deadline = deadline;
        this.retryAfterSeconds = retryAfterSeconds;
        this.metrics = metrics;
    }

    /**
     * @param what names the event in the log when the write fails (ids only, never personal data)
     * @return {@code onAcknowledged}'s outcome, or a 503 refusal
     */
    public Uni<CaptureOutcome> write(String topic, Supplier<Uni<Void>> send, String what, Supplier<CaptureOutcome> onAcknowledged) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return send.get()
                    .ifNoItem().after(deadline).fail()
                    .map(ack -> {
                        metrics.writeFinished(topic, Duration.ofNanos(System.nanoTime() - started), true);
                        return onAcknowledged.get();
                    })
                    .onFailure().recoverWithItem(failure -> {
                        metrics.writeFinished(topic, Duration.ofNanos(System.nanoTime() - started), false);
                        LOG.warnf("%s not acknowledged by Kafka within %s: %s", what, deadline, failure.toString());
                        return new CaptureOutcome.Refused(Refusal.of(Response.Status.SERVICE_UNAVAILABLE,
                                "It could not be stored right now; retry later").withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
                    });
        });
    }
}
