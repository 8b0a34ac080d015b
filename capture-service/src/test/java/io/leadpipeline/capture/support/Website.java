package io.leadpipeline.capture.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A customer's website for tests, on a random loopback port: serves the pages a test registers (a form page) and
 * answers any other GET with a thank-you page, remembering every request so a test can see where a browser went.
 */
public final class Website implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<URI> visits = new CopyOnWriteArrayList<>();

    private Website(HttpServer server) {
        this.server = server;
    }

    public static Website start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Website website = new Website(server);
            server.createContext("/", exchange -> {
                website.visits.add(exchange.getRequestURI());
                String page = website.pages.getOrDefault(exchange.getRequestURI().getPath(),
                        "<!DOCTYPE html><html><head><title>Thank you</title></head><body><h1>Thank you!</h1></body></html>");
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return website;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://127.0.0.1:port, which is also the site's browser Origin. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void page(String path, String html) {
        pages.put(path, html);
    }

    public List<URI> visits() {
        return List.copyOf(visits);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
