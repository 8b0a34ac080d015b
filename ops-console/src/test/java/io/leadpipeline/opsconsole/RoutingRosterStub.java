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

    /** Shaped like routing-service's CloserView (docs/routing-service.md). */
    static final String ROSTER = """
            [{"id": "closer-ava", "name": "Ava Martin", "email": "ava.martin@sales.example", "team": "emea",
              "timezone": "Europe/Paris", "workingHours": "always", "capacity": 5, "weight": 1, "openHandoffs": 0,
              "active": true, "outOfOfficeUntil": null, "onDuty": true, "available": true, "pools": ["default"]},
             {"id": "closer-ben", "name": "Ben Okafor", "email": "ben.okafor@sales.example", "team": "amer",
              "timezone": "America/New_York", "workingHours": "always", "capacity": 3, "weight": 1, "openHandoffs": 0,
              "active": true, "outOfOfficeUntil": null, "onDuty": true, "available": true, "pools": ["default"]},
             {"id": "closer-chen", "name": "Chen Li", "email": "chen.li@sales.example", "team": "apac",
              "timezone": "Asia/Singapore", "workingHours": "always", "capacity": 4, "weight": 1, "openHandoffs": 1,
              "active": true, "outOfOfficeUntil": "2099-01-01T00:00:00Z", "onDuty": false, "available": false,
              "pools": ["default"]}]""";

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
