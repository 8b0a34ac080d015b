package io.leadpipeline.opsconsole.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.opsconsole.domain.DeadLetterFact;

/**
 * Proves how records that are not ordinary events are read: dead letters from their headers, bytes that cannot be
 * Avro skipped at once, and a registry that does not answer recognised as worth waiting for.
 */
class EventDecoderTest {

    /** Nothing listens on port 1 of the loopback: a registry that is not there (yet). */
    private static final String ABSENT_REGISTRY = "http://127.0.0.1:1/apis/registry/v3";

    @Test
    void shouldReadADeadLetterFromItsHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.HEADER_REASON, bytes("Cannot deserialize: Unknown magic byte!"));
        headers.add(DeadLetters.HEADER_SOURCE_TOPIC, bytes("lead.conversions"));
        headers.add(DeadLetters.HEADER_SOURCE_PARTITION, bytes("2"));
        headers.add(DeadLetters.HEADER_SOURCE_OFFSET, bytes("17"));
        headers.add(DeadLetters.HEADER_SERVICE, bytes("qualification-service"));
        try (EventDecoder decoder = new EventDecoder(ABSENT_REGISTRY)) {
            DeadLetterFact fact = (DeadLetterFact) decoder.decode(record("lead.conversions.dlq", bytes("garbage"), headers));

            assertEquals(new DeadLetterFact("lead.conversions.dlq/1@5", "lead-1", Instant.ofEpochMilli(1_000),
                    "lead.conversions.dlq", "lead.conversions", "Cannot deserialize: Unknown magic byte!", null,
                    "qualification-service", 2, 17L), fact);
        }
    }

    @Test
    void shouldNameTheSourceTopicOfADeadLetterWithoutHeaders() {
        try (EventDecoder decoder = new EventDecoder(ABSENT_REGISTRY)) {
            DeadLetterFact fact = (DeadLetterFact) decoder.decode(
                    record("lead.decisions.dlq", bytes("x"), new RecordHeaders()));

            assertEquals("lead.decisions", fact.sourceTopic());
            assertNull(fact.reason());
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotInTheConfluentWireFormatWithoutAskingTheRegistry() {
        try (EventDecoder decoder = new EventDecoder(ABSENT_REGISTRY)) {
            assertThrows(EventDecoder.NotInWireFormatException.class,
                    () -> decoder.decode(record("lead.conversions", bytes("{\"json\":true}"), new RecordHeaders())));
        }
    }

    @Test
    void shouldIgnoreTopicsItDoesNotKnowAndTombstones() {
        try (EventDecoder decoder = new EventDecoder(ABSENT_REGISTRY)) {
            assertNull(decoder.decode(record("lead.something-new", bytes("x"), new RecordHeaders())));
            assertNull(decoder.decode(record("lead.conversions", null, new RecordHeaders())));
        }
    }

    @Test
    void shouldRecogniseARegistryThatDoesNotAnswer() {
        byte[] wireFormat = {0, 0, 0, 0, 7, 2, 4, 6};
        try (EventDecoder decoder = new EventDecoder(ABSENT_REGISTRY)) {
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> decoder.decode(record("lead.conversions", wireFormat, new RecordHeaders())));
            assertTrue(EventDecoder.registryUnreachable(failure), () -> "not recognised: " + failure);
        }
        assertTrue(!EventDecoder.registryUnreachable(new IllegalStateException("bad data")));
    }

    private static ConsumerRecord<String, byte[]> record(String topic, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 1, 5, 1_000, TimestampType.CREATE_TIME, -1, -1, "lead-1", value, headers,
                Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
