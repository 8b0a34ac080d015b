package io.leadpipeline.nurture.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.KafkaStreams;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.leadpipeline.devstack.FreePorts;
import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.streams.NurtureMetrics;
import io.leadpipeline.nurture.streams.NurtureTopology;
import io.leadpipeline.service.query.OwnerForwarder;
import io.leadpipeline.testkit.SecondStreamsInstance;
import io.vertx.mutiny.core.Vertx;

/**
 * Another instance of nurture-service inside the test JVM: the same topology in the same Kafka Streams application
 * (so the partitions are shared out between the two), and the same {@link NurtureResource} served over a plain JDK
 * HTTP server on the port it advertises (forwarding through its own Vert.x, as the service does through Quarkus').
 */
final class SecondInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SecondInstance.class);

    /** Longer than any answer the resource waits for (a forward to the other instance times out after 5 s). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaStreams service;
    private final HttpServer http;
    private final Vertx vertx;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A second instance of {@code applicationId} beside {@code service}, the instance the {@code @QuarkusTest} runs. */
    SecondInstance(KafkaStreams service, String applicationId, String bootstrapServers, String registryUrl, Path stateDir,
            NurtureRules rules) throws IOException {
        this.service = service;
        int port = FreePorts.next();
        Properties props = SecondStreamsInstance.settings(applicationId, bootstrapServers, "localhost:" + port, stateDir);
        streams = new KafkaStreams(NurtureTopology.build(new RegistryEventSerdes(registryUrl), rules, Duration.ofSeconds(1),
                NurtureMetrics.NONE), props);
        vertx = Vertx.vertx();
        NurtureQueries queries = new NurtureQueries(streams, new OwnerForwarder(vertx), json);
        NurtureResource resource = new NurtureResource(queries, () -> rules);
        http = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        http.createContext("/v1/", exchange -> {
            try {
                serve(exchange, resource);
            } catch (RuntimeException | IOException e) {
                LOG.errorf(e, "The second instance failed to answer %s", exchange.getRequestURI());
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            }
        });
        streams.start();
        http.start();
    }

    KafkaStreams streams() {
        return streams;
    }

    int port() {
        return http.getAddress().getPort();
    }

    String url(String path) {
        return "http://localhost:" + http.getAddress().getPort() + path;
    }

    private void serve(HttpExchange exchange, NurtureResource resource) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Response response;
        if (path.equals(NurtureResource.LOCAL_COUNTS_PATH)) {
            response = resource.localCounts();
        } else if (path.startsWith("/v1/leads/") && path.endsWith("/enrollments")) {
            String leadId = path.substring("/v1/leads/".length(), path.length() - "/enrollments".length());
            response = resource.enrollments(leadId, exchange.getRequestHeaders().getFirst(OwnerForwarder.FORWARDED_HEADER),
                    exchange.getRequestHeaders().getFirst("Authorization")).await().atMost(ANSWER_TIMEOUT);
        } else if (path.equals("/v1/tracks")) {
            response = resource.tracks(exchange.getRequestHeaders().getFirst("Authorization")).await().atMost(ANSWER_TIMEOUT);
        } else {
            response = Response.status(404).build();
        }
        Object entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : entity instanceof String text ? text.getBytes()
                : entity instanceof byte[] relayed ? relayed : json.writeValueAsBytes(entity);
        exchange.getResponseHeaders().add("Content-Type",
                response.getMediaType() == null ? "application/json" : response.getMediaType().toString());
        exchange.sendResponseHeaders(response.getStatus(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        SecondStreamsInstance.leave(streams, service);
        vertx.closeAndAwait();
    }
}
