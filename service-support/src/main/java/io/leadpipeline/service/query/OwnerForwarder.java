package io.leadpipeline.service.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;

import io.leadpipeline.service.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Forwards a request to the instance that owns its key and relays the answer unchanged (status, body, Content-Type,
 * Retry-After); a forwarded request is marked, so two instances that disagree during a rebalance never pass it back
 * and forth, and an owner that does not answer in time becomes a 503 problem.
 * The Mutiny Vert.x web client rather than a REST Client interface: a relay passes any method, path and query through
 * and hands back the raw bytes, which a typed interface would only re-encode, on the application's own event loop.
 */
@ApplicationScoped
public class OwnerForwarder {

    /** Marks a request one instance passed to another. */
    public static final String FORWARDED_HEADER = "X-Lead-Pipeline-Forwarded";
    /** A forwarded routing command holds its connection until the desk applies it; Vert.x' default of 5 would queue the 6th. */
    private static final int MAX_CONNECTIONS_PER_INSTANCE = 64;
    private static final Logger LOG = Logger.getLogger(OwnerForwarder.class);

    /**
     * The request to pass on: method, raw path and query, the body with its media type, the caller's Authorization
     * header (the owner checks the caller again: it alone knows, say, whose handoff it is), and whether it was passed
     * on already.
     */
    public record Call(String method, String pathAndQuery, String contentType, byte[] body, String authorization,
            boolean alreadyForwarded) {

        /**
         * A GET of {@code pathAndQuery} on behalf of the caller whose {@code authorization} header it carries (or null);
         * {@code forwardedHeader} is the {@link #FORWARDED_HEADER} the request came with, or null.
         */
        public static Call get(String pathAndQuery, String authorization, String forwardedHeader) {
            return new Call("GET", pathAndQuery, null, null, authorization, forwardedHeader != null);
        }

        /** The request as it came in: same method, path, query, body, Content-Type and Authorization. */
        public static Call of(String method, UriInfo uri, HttpHeaders headers, String body) {
            String query = uri.getRequestUri().getRawQuery();
            return new Call(method, uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query),
                    headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    headers.getHeaderString(HttpHeaders.AUTHORIZATION), headers.getHeaderString(FORWARDED_HEADER) != null);
        }
    }

    /** How long to wait for the owner, and the 503 details a service answers with when it does not relay. */
    public record Terms(Duration timeout, String whenMoving, String whenUnreachable) {
    }

    /** What the other instance answered. */
    public record Answer(int status, String contentType, String retryAfter, byte[] body) {

        public Response toResponse() {
            Response.ResponseBuilder relayed = Response.status(status).entity(body);
            if (contentType != null) {
                relayed.header(HttpHeaders.CONTENT_TYPE, contentType);
            }
            if (retryAfter != null) {
                relayed.header(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            return relayed.build();
        }
    }

    private final WebClient http;

    public OwnerForwarder(Vertx vertx) {
        this.http = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(MAX_CONNECTIONS_PER_INSTANCE));
    }

    /** The owner's answer to {@code call}, or 503 with Retry-After when the call was forwarded already or the owner did not answer. */
    public Uni<Response> forward(HostInfo owner, Call call, Terms terms) {
        if (call.alreadyForwarded()) {
            // The instance that sent it thinks this one owns the key, and this one thinks it does not: ownership is moving.
            return Uni.createFrom().item(() -> Problem.retryLater(terms.whenMoving()));
        }
        return send(owner, call, terms.timeout())
                .map(answer -> answer.map(Answer::toResponse).orElseGet(() -> Problem.retryLater(terms.whenUnreachable())));
    }

    /** Sends {@code call} to {@code host}, marked as forwarded; empty when it cannot be reached or does not answer within {@code timeout}. */
    public Uni<Optional<Answer>> send(HostInfo host, Call call, Duration timeout) {
        HttpRequest<Buffer> request = http.request(HttpMethod.valueOf(call.method()), host.port(), host.host(), call.pathAndQuery())
                .timeout(timeout.toMillis())
                .putHeader(FORWARDED_HEADER, "true");
        if (call.contentType() != null) {
            request.putHeader(HttpHeaders.CONTENT_TYPE, call.contentType());
        }
        if (call.authorization() != null) {
            request.putHeader(HttpHeaders.AUTHORIZATION, call.authorization());
        }
        Uni<HttpResponse<Buffer>> sent = call.body() == null ? request.send() : request.sendBuffer(Buffer.buffer(call.body()));
        if (call.method().equals("GET")) {
            // A pooled connection the other side closed while idle fails the next request on it; a GET is safe to send again.
            sent = sent.onFailure(HttpClosedException.class).retry().atMost(1);
        }
        return sent.map(response -> Optional.of(new Answer(response.statusCode(), response.getHeader(HttpHeaders.CONTENT_TYPE),
                        response.getHeader(HttpHeaders.RETRY_AFTER), response.body() == null ? null : response.body().getBytes())))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Instance %s:%d did not answer %s %s: %s", host.host(), host.port(), call.method(), call.pathAndQuery(),
                            failure.toString());
                    return Optional.empty();
                });
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
