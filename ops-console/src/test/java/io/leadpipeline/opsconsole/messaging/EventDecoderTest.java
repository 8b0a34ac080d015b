package io.leadpipeline.opsconsole.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.opsconsole.domain.DeadLetterFact;
import io.vertx.core.Vertx;

/**
 * Proves how records that are not ordinary events are read: dead letters from their headers, bytes that cannot be
 * Avro skipped at once, and a registry that is not there, or is there but does not answer, recognised within the
 * registry timeout as worth waiting for.
 */
class EventDecoderTest {

    /** Nothing listens on port 1 of the loopback: a registry that is not there (yet). */
    private static final String ABSENT_REGISTRY = "http://127.0.0.1:1/apis/registry/v3";
    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(1);
    private static final byte[] WIRE_FORMAT = {0, 0, 0, 0, 7, 2, 4, 6};

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void shouldReadADeadLetterFromItsHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.HEADER_REASON, bytes("Cannot deserialize: Unknown magic byte!"));
        headers.add(DeadLetters.HEADER_SOURCE_TOPIC, bytes("lead.conversions"));
        headers.add(DeadLetters.HEADER_SOURCE_PARTITION, bytes("2"));
        headers.add(DeadLetters.HEADER_SOURCE_OFFSET, bytes("17"));
        headers.add(DeadLetters.HEADER_SERVICE, bytes("qualification-service"));
        try (EventDecoder decoder = decoder(ABSENT_REGISTRY)) {
            DeadLetterFact fact = (DeadLetterFact) decoder.decode(record("lead.conversions.dlq", bytes("garbage"), headers));

            assertEquals(new DeadLetterFact("lead.conversions.dlq/1@5", "lead-1", Instant.ofEpochMilli(1_000),
                    "lead.conversions.dlq", "lead.conversions", "Cannot deserialize: Unknown magic byte!", null,
                    "qualification-service", 2, 17L), fact);
        }
    }

    @Test
    void shouldNameTheSourceTopicOfADeadLetterWithoutHeaders() {
        try (EventDecoder decoder = decoder(ABSENT_REGISTRY)) {
            DeadLetterFact fact = (DeadLetterFact) decoder.decode(
                    record("lead.decisions.dlq", bytes("x"), new RecordHeaders()));

            assertEquals("lead.decisions", fact.sourceTopic());
            assertNull(fact.reason());
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotInTheConfluentWireFormatWithoutAskingTheRegistry() {
        try (EventDecoder decoder = decoder(ABSENT_REGISTRY)) {
            assertThrows(EventDecoder.NotInWireFormatException.class,
                    () -> decoder.decode(record("lead.conversions", bytes("{\"json\":true}"), new RecordHeaders())));
        }
    }

    @Test
    void shouldIgnoreTopicsItDoesNotKnowAndTombstones() {
        try (EventDecoder decoder = decoder(ABSENT_REGISTRY)) {
            assertNull(decoder.decode(record("lead.something-new", bytes("x"), new RecordHeaders())));
            assertNull(decoder.decode(record("lead.conversions", null, new RecordHeaders())));
        }
    }

    @Test
    void shouldRecogniseARegistryThatIsNotThere() {
        try (EventDecoder decoder = decoder(ABSENT_REGISTRY)) {
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> decoder.decode(record("lead.conversions", WIRE_FORMAT, new RecordHeaders())));
            assertTrue(EventDecoder.registryUnreachable(failure), () -> "not recognised: " + failure);
        }
        assertFalse(EventDecoder.registryUnreachable(new IllegalStateException("bad data")));
        assertFalse(EventDecoder.registryUnreachable(new IllegalStateException(new EOFException())),
                "Avro's end of input on truncated bytes is no outage");
    }

    @Test
    void shouldGiveUpOnARegistryThatAcceptsTheConnectionButNeverAnswersWithinTheTimeout() throws IOException {
        // Before the timeout, Apicurio's client waited for this answer for ever: the reader stopped polling.
        try (SilentRegistry silent = new SilentRegistry(); EventDecoder decoder = decoder(silent.url())) {
            RuntimeException failure = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThrows(
                    RuntimeException.class, () -> decoder.decode(record("lead.conversions", WIRE_FORMAT, new RecordHeaders()))));

            assertTrue(EventDecoder.registryUnreachable(failure), () -> "not recognised: " + failure);
            assertTrue(silent.connections() >= 1, "the registry was asked");
        }
    }

    private static EventDecoder decoder(String registryUrl) {
        return new EventDecoder(registryUrl, vertx, REGISTRY_TIMEOUT);
    }

    /** Accepts connections on the loopback but never answers: a registry that hangs. */
    private static final class SilentRegistry implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new ArrayList<>();

        SilentRegistry() throws IOException {
            Thread.ofPlatform().daemon().name("silent-registry").start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/apis/registry/v3";
        }

        int connections() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static ConsumerRecord<String, byte[]> record(String topic, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 1, 5, 1_000, TimestampType.CREATE_TIME, -1, -1, "lead-1", value, headers,
                Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
