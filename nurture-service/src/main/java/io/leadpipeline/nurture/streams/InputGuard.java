package io.leadpipeline.nurture.streams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;

import io.leadpipeline.kafka.DeadLetterMetrics;
import io.leadpipeline.kafka.DeadLetters;

/**
 * Stands between the three sources and the nurture processor: a record {@link InputChecks} passes goes on to the
 * processor; one it refuses goes to {@code <topic>.dlq} instead (in the same transaction), as the bytes its topic's
 * serde gives (so the same schema id), with the source's headers plus the reason and where it was read. Counted in
 * dlq_writes_total and logged at WARN by position only, never key or value (personal data).
 */
final class InputGuard implements Processor<String, Object, String, Object> {

    private static final Logger LOG = Logger.getLogger(InputGuard.class);

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
        String deadLetterTopic = DeadLetters.topicFor(source.topic());
        byte[] bytes = sourceSerializers.get(source.topic()).serialize(source.topic(), (SpecificRecord) record.value());
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, DeadLetters.HEADER_REASON, reason);
        put(headers, DeadLetters.HEADER_EXCEPTION, DeadLetterMetrics.VALIDATION);
        put(headers, DeadLetters.HEADER_SOURCE_TOPIC, source.topic());
        put(headers, DeadLetters.HEADER_SOURCE_PARTITION, Integer.toString(source.partition()));
        put(headers, DeadLetters.HEADER_SOURCE_OFFSET, Long.toString(source.offset()));
        put(headers, DeadLetters.HEADER_SERVICE, serviceName);
        LOG.warnf("Record %s-%d@%d is unusable (%s); copied to %s", source.topic(), source.partition(), source.offset(), reason,
                deadLetterTopic);
        context.forward(new Record<String, Object>(record.key(), bytes, record.timestamp(), headers),
                NurtureTopology.deadLetterSink(source.topic()));
        DeadLetterMetrics.written(serviceName, deadLetterTopic, DeadLetterMetrics.VALIDATION);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
