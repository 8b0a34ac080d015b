package io.leadpipeline.operatortools;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Proves `./pipeline tail` cannot hang on a registry that takes the connection and never answers. */
class ConfluentAvroDecoderTest {

    @Test
    void shouldFailASchemaFetchTheRegistryNeverAnswers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept()); // accepted, read from never, answered never
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            ConfluentAvroDecoder decoder = new ConfluentAvroDecoder("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300));

            IllegalStateException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(IllegalStateException.class, () -> decoder.fetchSchema(7)));

            assertTrue(failure.getMessage().startsWith("Cannot fetch schema 7"), failure.getMessage());
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
