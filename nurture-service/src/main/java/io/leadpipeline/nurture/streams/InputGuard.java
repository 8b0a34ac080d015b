package io.leadpipeline.nurture.streams;

import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import io.leadpipeline.kafka.DeadLetterMetrics;
import io.leadpipeline.kafka.UnusableRecords;

/**
 * Stands between the three sources and the nurture processor: a record {@link InputChecks} passes goes on to the
 * processor; one it refuses goes to {@code <topic>.dlq} instead (in the same transaction), as the bytes its topic's
 * serde gives (so the same schema id), with the source's headers plus the reason and where it was read. Counted in
 * dlq_writes_total and logged at WARN by position only, never key or value (personal data).
 */
final class InputGuard implements Processor<String, Object, String, Object> {


    private final Map<String, Serializer<SpecificRecord>> sourceSerializers;
    private final String serviceName;
    private ProcessorContext<String, Object> context;

    InputGuard(Map<String, Serializer<SpecificRecord>> sourceSerializers, String serviceName) {
        this.sourceSerializers = sourceSerializers;
        this.serviceName = serviceName;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Object> record) {
        Optional<String> problem = InputChecks.problem(record.key(), record.value());
        if (problem.isEmpty()) {
            context.forward(record, NurtureTopology.PROCESSOR);
        } else {
            deadLetter(record, problem.get());
        }
    }

    private void deadLetter(Record<String, Object> record, String reason) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        byte[] bytes = sourceSerializers.get(source.topic()).serialize(source.topic(), (SpecificRecord) record.value());
        Headers headers = UnusableRecords.deadLetterHeaders(record.headers(), reason, DeadLetterMetrics.VALIDATION, source.topic(),
                source.partition(), source.offset(), serviceName);
        context.forward(new Record<String, Object>(record.key(), bytes, record.timestamp(), headers),
                NurtureTopology.deadLetterSink(source.topic()));
        UnusableRecords.written(serviceName, source.topic(), source.partition(), source.offset(), DeadLetterMetrics.VALIDATION, reason);
    }

}
