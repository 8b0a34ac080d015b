package io.leadpipeline.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * The one dead-letter counter every service reports, {@code dlq_writes_total{service,topic,reason_kind}} on
 * /q/metrics: {@code topic} is the dead-letter topic written, {@code reason_kind} says why the record could not be
 * used. Kept on Micrometer's global registry (Quarkus adds its Prometheus registry to it), because Kafka Streams
 * instantiates the deserialization handler itself, outside CDI.
 */
public final class DeadLetterMetrics {

    public static final String NAME = "dlq.writes";
    /** The record's bytes could not be deserialized (no schema, corrupt bytes, wrong format). */
    public static final String DESERIALIZATION = "deserialization";
    /** The record was readable but lacked what processing needs. */
    public static final String VALIDATION = "validation";

    private DeadLetterMetrics() {
    }

    public static void written(String service, String deadLetterTopic, String reasonKind) {
        Counter.builder(NAME).description("Records copied to a dead-letter topic")
                .tags("service", service, "topic", deadLetterTopic, "reason_kind", reasonKind)
                .register(Metrics.globalRegistry).increment();
    }
}
