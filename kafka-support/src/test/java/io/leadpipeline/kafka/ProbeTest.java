package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Proves the readiness probes tell a usable dependency from an unusable one within their timeout, and that an
 * answer is reused only for the cache period. (Kafka being up is proven on a real broker by the services' tests.)
 */
class ProbeTest {

    private HttpServer registry;
    private volatile int status = 200;

    @AfterEach
    void stopRegistry() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @Test
    void shouldSeeTheRegistryUpWhenSystemInfoAnswers200() throws IOException {
        String url = startRegistry();
        try (Probe probe = new RegistryProbe(url, Duration.ofSeconds(2))) {
            Probe.Result result = probe.check();
            assertTrue(result.up(), result.toString());
            assertEquals("schema-registry", result.dependency());
        }
    }

    @Test
    void shouldSeeTheRegistryDownWhenItAnswersAnError() throws IOException {
        String url = startRegistry();
        status = 503;
        try (Probe probe = new RegistryProbe(url, Duration.ofSeconds(2))) {
            Probe.Result result = probe.check();
            assertFalse(result.up());
            assertTrue(result.detail().contains("503"), result.detail());
        }
    }

    @Test
    void shouldSeeTheRegistryDownWhenNothingListens() throws IOException {
        try (Probe probe = new RegistryProbe("http://127.0.0.1:" + closedPort() + "/apis/registry/v3", Duration.ofSeconds(2))) {
            Probe.Result result = probe.check();
            assertFalse(result.up());
            assertTrue(result.detail().contains("cannot reach"), result.detail());
        }
    }

    @Test
    void shouldSeeKafkaDownWhenNoBrokerAnswersWithinTheTimeout() throws IOException {
        try (Probe probe = new KafkaProbe("127.0.0.1:" + closedPort(), "probe-test", Duration.ofSeconds(1))) {
            Probe.Result result = probe.check();
            assertFalse(result.up());
            assertEquals("kafka", result.dependency());
        }
    }

    @Test
    void shouldReuseAnAnswerOnlyForTheCachePeriod() {
        AtomicInteger checks = new AtomicInteger();
        Probe counting = () -> Probe.Result.up("counted", "check " + checks.incrementAndGet());
        MutableClock clock = new MutableClock();
        Probe cached = Probe.cached(counting, Duration.ofSeconds(3), clock);

        assertEquals("check 1", cached.check().detail());
        clock.advance(Duration.ofSeconds(2));
        assertEquals("check 1", cached.check().detail(), "within the cache period the answer is reused");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("check 2", cached.check().detail(), "after it, the dependency is checked again");
        assertEquals(2, checks.get());
    }

    private String startRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/apis/registry/v3/system/info", exchange -> {
            byte[] body = "{\"name\":\"Apicurio Registry\"}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        return "http://127.0.0.1:" + registry.getAddress().getPort() + "/apis/registry/v3/";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
