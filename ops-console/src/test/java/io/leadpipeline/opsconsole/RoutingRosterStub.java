package io.leadpipeline.opsconsole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Test resource: answers GET /v1/closers the way routing-service describes its roster (closers with capacity and
 * availability), on a random loopback port, and points {@code ops-console.routing-url} at it.
 */
public class RoutingRosterStub implements QuarkusTestResourceLifecycleManager {

    static final String ROSTER = """
            [{"id": "closer-ava", "name": "Ava Martin", "capacity": 5, "openLoad": 0, "available": true},
             {"id": "closer-ben", "name": "Ben Okafor", "capacity": 3, "openLoad": 0, "available": true},
             {"id": "closer-chen", "name": "Chen Li", "capacity": 4, "openLoad": 1, "available": false}]""";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/closers", exchange -> {
            byte[] body = ROSTER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("ops-console.routing-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "ops-console.roster-interval", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
