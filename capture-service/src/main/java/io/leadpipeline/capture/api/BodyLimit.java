package io.leadpipeline.capture.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.capture.api.CaptureMetrics.Endpoint;
import io.leadpipeline.service.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} (64 KiB) with 413 problem+json before it
 * is read, when the client says its size (Content-Length); a form post gets FormBodies' answer instead. A chunked
 * body that grows past the limit is cut off later with 413, by Quarkus itself or, for a form, by FormBodies.
 */
@ApplicationScoped
public class BodyLimit {

    static final String DETAIL = "The body is larger than 64 KiB";

    private final long maxBytes;
    private final CaptureMetrics metrics;
    private final byte[] problem;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, CaptureMetrics metrics,
            ObjectMapper json) throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.metrics = metrics;
        this.problem = json.writeValueAsBytes(new Problem("about:blank", "Request Entity Too Large", 413, DETAIL, List.of()));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                String path = context.request().path();
                if (FormBodies.isFormPost(context.request())) {
                    context.fail(413); // FormBodies answers, with the HTML page for a browser
                    return;
                }
                metrics.rejected(path.startsWith("/v1/forms/") ? Endpoint.FORMS
                        : path.startsWith("/v1/engagements") ? Endpoint.ENGAGEMENTS : Endpoint.CONVERSIONS,
                        RejectionReason.PAYLOAD_TOO_LARGE);
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(problem));
                return;
            }
            context.next();
        });
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
