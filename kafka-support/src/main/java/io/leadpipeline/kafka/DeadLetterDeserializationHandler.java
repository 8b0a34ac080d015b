package io.leadpipeline.kafka;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams deserialization handler: a record that cannot be read is copied byte for byte to
 * {@code <topic>.dlq} with the reason in headers, and processing continues. When the dead letter cannot be
 * written the application stops instead, so a poison record is never silently lost. A record that cannot be read only
 * because the schema registry is unreachable is no poison: the handler waits a moment and fails the task, and
 * {@link StreamThreadRecovery} restarts the stream thread, which reads the record again (found by the crash run:
 * a registry restart used to dead-letter valid records).
 * (Kafka 4.1 has no built-in per-topic dead-letter routing; KIP-1034's arrives in 4.2.)
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    static final long RETRY_PAUSE_MILLIS = 2_000;

    private Producer<byte[], byte[]> producer;
    private String service;

    @Override
    public void configure(Map<String, ?> configs) {
        service = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Map<String, Object> producerConfig = KafkaConnection.copiedFrom(configs);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (TransientFailures.isTransient(exception)) {
            LOG.warn("Record {}-{}@{} cannot be read while the schema registry is unreachable ({}); retrying it after {} ms",
                    record.topic(), record.partition(), record.offset(), TransientFailures.describe(exception), RETRY_PAUSE_MILLIS);
            pause();
            return DeserializationHandlerResponse.FAIL;
        }
        String deadLetterTopic = DeadLetters.topicFor(record.topic());
        Headers headers = UnusableRecords.deadLetterHeaders(record.headers(), "Cannot deserialize: " + rootMessage(exception),
                exception.getClass().getName(), record.topic(), record.partition(), record.offset(), service);
        try {
            producer.send(new ProducerRecord<>(deadLetterTopic, null, record.timestamp(), record.key(), record.value(),
                    headers)).get(30, TimeUnit.SECONDS);
            DeadLetterMetrics.written(service, deadLetterTopic, DeadLetterMetrics.DESERIALIZATION);
            LOG.warn("Record {}-{}@{} could not be deserialized ({}); copied to {}", record.topic(),
                    record.partition(), record.offset(), exception.getClass().getSimpleName(), deadLetterTopic);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Could not write the dead letter for {}-{}@{}; stopping rather than losing it", record.topic(),
                    record.partition(), record.offset(), e);
            return DeserializationHandlerResponse.FAIL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeserializationHandlerResponse.FAIL;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS); // the stream thread would otherwise restart in a tight loop while the registry is away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
