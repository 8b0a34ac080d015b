package io.leadpipeline.routing.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.service.Problem;

/**
 * Where the routing desk is: its stores live on exactly one instance (the one running the single desk task).
 * A request is answered there; any other instance forwards it once to that instance's HTTP address
 * ({@code quarkus.kafka-streams.application-server}) and relays the answer. While the desk moves between instances or
 * restores its state, requests get 503 with Retry-After.
 */
@ApplicationScoped
public class DeskAccess {

    static final String FORWARDED_HEADER = "X-Routing-Forwarded";
    private static final Logger LOG = Logger.getLogger(DeskAccess.class);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(45);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DeskAccess(KafkaStreams streams, @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    /** The desk's stores, when this instance hosts the desk and it is ready. */
    public Optional<DeskReader> local() {
        try {
            return Optional.of(new DeskReader(streams));
        } catch (InvalidStateStoreException notHereOrNotReady) {
            return Optional.empty();
        }
    }

    /** Runs {@code handler} against the local desk, or forwards the request to the instance that hosts it. */
    public Response serve(String method, UriInfo uri, HttpHeaders headers, String body, Function<DeskReader, Response> handler) {
        Optional<DeskReader> local = local();
        if (local.isPresent()) {
            try {
                return handler.apply(local.get());
            } catch (InvalidStateStoreException rebalancing) {
                // The stores went away mid-request (a rebalance after a crash, found by the crash run): retry, never a 500.
                return Problem.retryLater("The routing desk is rebalancing; retry shortly (answers are idempotent)");
            }
        }
        Optional<HostInfo> host = deskHost();
        if (headers.getHeaderString(FORWARDED_HEADER) != null || host.isEmpty() || host.get().equals(self)) {
            return Problem.retryLater("The routing desk is starting or moving between instances; retry shortly");
        }
        return forward(host.get(), method, uri, headers, body);
    }

    private Optional<HostInfo> deskHost() {
        try {
            // The desk has one partition, so any key locates it.
            KeyQueryMetadata metadata = streams.queryMetadataForKey(Stores.HANDOFFS, "desk", Serdes.String().serializer());
            if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
                return Optional.empty();
            }
            return Optional.of(metadata.activeHost());
        } catch (RuntimeException notRunning) {
            return Optional.empty();
        }
    }

    private Response forward(HostInfo host, String method, UriInfo uri, HttpHeaders headers, String body) {
        URI target = URI.create("http://" + host.host() + ":" + host.port()).resolve(uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(FORWARD_TIMEOUT).header(FORWARDED_HEADER, "1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)).ifPresent(type -> request.header(HttpHeaders.CONTENT_TYPE, type));
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder relayed = Response.status(answer.statusCode()).entity(answer.body());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> relayed.header(HttpHeaders.CONTENT_TYPE, type));
            answer.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(retry -> relayed.header(HttpHeaders.RETRY_AFTER, retry));
            return relayed.build();
        } catch (IOException e) {
            LOG.warnf("Could not reach the routing desk at %s: %s", host, e.getMessage());
            return Problem.retryLater("The instance hosting the routing desk did not answer; retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.retryLater("Interrupted while asking the routing desk");
        }
    }
}
