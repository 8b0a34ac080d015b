package io.leadpipeline.routing.streams;

import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import io.leadpipeline.kafka.DeadLetterMetrics;
import io.leadpipeline.kafka.UnusableRecords;

/**
 * Turns a record {@link InputChecks} refused into its dead letter: the bytes its topic's serde gives (so the same
 * schema id), the source's headers plus the reason and where it was read, for the {@code <topic>.dlq} sink that
 * follows. Counted in dlq_writes_total and logged at WARN by position only, never key or value (personal data).
 */
final class DeadLetterWriter<V> implements Processor<String, V, String, byte[]> {


    private final Serializer<V> serializer;
    private final BiFunction<String, V, Optional<String>> check;
    private final String serviceName;
    private ProcessorContext<String, byte[]> context;

    DeadLetterWriter(Serializer<V> serializer, BiFunction<String, V, Optional<String>> check, String serviceName) {
        this.serializer = serializer;
        this.check = check;
        this.serviceName = serviceName;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        String reason = check.apply(record.key(), record.value()).orElse("unusable");
        Headers headers = UnusableRecords.deadLetterHeaders(record.headers(), reason, DeadLetterMetrics.VALIDATION, source.topic(),
                source.partition(), source.offset(), serviceName);
        context.forward(record.withValue(serializer.serialize(source.topic(), record.value())).withHeaders(headers));
        UnusableRecords.written(serviceName, source.topic(), source.partition(), source.offset(), DeadLetterMetrics.VALIDATION, reason);
    }

}
