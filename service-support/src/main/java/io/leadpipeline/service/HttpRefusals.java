package io.leadpipeline.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The refusals made before any resource is chosen, as problem+json: a body whose Content-Length is over
 * {@code quarkus.http.limits.max-body-size} (413; Quarkus' own check answers with an empty body), and the 4xx failures
 * of Vert.x routing such as a request without a Host header (Quarkus would answer with its error page and log an error
 * with its stack trace for each). A target that is no URI at all, such as one with a malformed percent escape, Quarkus
 * refuses even earlier, with an empty 400.
 */
@ApplicationScoped
public class HttpRefusals {

    /** Before Quarkus' own body size check (order -2); after a service's own (capture's, at MIN_VALUE + 1). */
    static final int SIZE_CHECK_ORDER = Integer.MIN_VALUE + 10;
    /** Just before Quarkus' own error handler (the last route), so a service's own failure handlers come first. */
    static final int FAILURE_ORDER = Integer.MAX_VALUE - 1;

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public HttpRefusals(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(SIZE_CHECK_ORDER).handler(this::checkSize);
        router.route().order(FAILURE_ORDER).failureHandler(this::refuse);
    }

    private void checkSize(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            // The body is not read: close the connection rather than read it as the next request.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, 413);
            return;
        }
        context.next();
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a Content-Length that is not a number before routing
        }
    }

    private void refuse(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status > 499) {
            context.next(); // a server error: Quarkus logs it with an error id
            return;
        }
        answer(context, status);
    }

    private void answer(RoutingContext context, int status) {
        if (context.response().headWritten()) {
            return;
        }
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(json.writeValueAsBytes(Problem.of(status, FrameworkProblems.detail(status)))));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
