package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.junit.jupiter.api.Test;

/**
 * Proves that a record unreadable only because the schema registry is unreachable is retried (the task fails and its
 * thread is replaced) instead of being dead-lettered, while a record that is really unreadable is still told apart.
 */
class TransientFailuresTest {

    @Test
    void shouldCallARefusedRegistryConnectionTransient() {
        // What the Apicurio deserializer threw in the crash run while the registry restarted.
        RuntimeException registryDown = new RuntimeException(new ExecutionException(new ConnectException("Connection refused")));

        assertTrue(TransientFailures.isTransient(new SerializationException("Error deserializing", registryDown)));
        assertEquals("ConnectException", TransientFailures.describe(registryDown));
    }

    @Test
    void shouldCallARegistryClosingTheConnectionMidRequestTransient() {
        // What the deserializer threw in the crash run when the registry stopped during a schema fetch (the record
        // had been dead-lettered as "Connection was closed").
        RuntimeException closed = new RuntimeException(new io.vertx.core.http.HttpClosedException("Connection was closed"));

        assertTrue(TransientFailures.isTransient(new SerializationException("Error deserializing", closed)));
        assertEquals("HttpClosedException", TransientFailures.describe(closed));
    }

    @Test
    void shouldNotCallGarbageTransient() {
        assertFalse(TransientFailures.isTransient(new SerializationException("Unknown magic byte!")));
        assertFalse(TransientFailures.isTransient(new SerializationException("truncated", new java.io.EOFException())),
                "Avro's EOFException on truncated bytes is poison, not an outage");
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("No schema with id 999", new IllegalStateException("404"))));
    }

    @Test
    void shouldFailTheTaskInsteadOfDeadLetteringWhileTheRegistryIsUnreachable() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        // Nothing listens on port 9: had the handler tried to write a dead letter, it would have failed after 30 s.
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "test-service", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("lead.conversions", 0, 42L, new byte[] {1}, new byte[] {0, 0, 0, 0, 7});

        long started = System.nanoTime();
        DeserializationHandlerResponse response = handler.handle((org.apache.kafka.streams.errors.ErrorHandlerContext) null, record,
                new SerializationException("Error deserializing", new RuntimeException(new ConnectException("Connection refused"))));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(DeserializationHandlerResponse.FAIL, response, "the record is read again by the replaced thread");
        assertTrue(tookMillis >= DeadLetterDeserializationHandler.RETRY_PAUSE_MILLIS && tookMillis < 10_000,
                "paused before failing, without trying to write a dead letter: " + tookMillis + " ms");
    }
}
