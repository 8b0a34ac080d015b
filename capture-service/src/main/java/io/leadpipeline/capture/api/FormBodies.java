package io.leadpipeline.capture.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.capture.api.CaptureMetrics.Endpoint;
import io.leadpipeline.service.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Decodes form posts with Vert.x's body handler, which refuses a body it cannot read (a malformed percent escape or
 * multipart, too many or too long inputs) with 400 and one over 64 KiB with 413, where RESTEasy's form parser answered
 * such bodies with 500 or not at all. A refusal is the small HTML page for a browser and problem+json otherwise.
 */
@ApplicationScoped
public class FormBodies {

    /** POST /v1/forms/{formId}: one path segment after the prefix. */
    static final String FORM_PATH = "/v1/forms/[^/]+";
    static final String UNREADABLE = "The form could not be read: it is not well-formed URL-encoded or multipart data, "
            + "or it has too many or too long inputs";

    private final long maxBytes;
    private final CaptureMetrics metrics;
    private final ObjectMapper json;

    public FormBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, CaptureMetrics metrics,
            ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.metrics = metrics;
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBytes); // file inputs are not lead data: none is kept
        router.routeWithRegex(HttpMethod.POST, FORM_PATH).order(Integer.MIN_VALUE + 2) // after BodyLimit
                .handler(context -> {
                    try {
                        bodies.handle(context);
                    } catch (RuntimeException malformedContentType) {
                        // Netty throws on some broken multipart boundaries (a quote left open) before reading a byte.
                        context.fail(400, malformedContentType);
                    }
                })
                .failureHandler(this::refuse);
    }

    static boolean isFormPost(HttpServerRequest request) {
        return HttpMethod.POST.equals(request.method()) && request.path() != null && request.path().matches(FORM_PATH);
    }

    /** Answers a form post refused before FormResource: by the body handler, or by BodyLimit (413). */
    private void refuse(RoutingContext context) {
        if (context.failure() instanceof HttpClosedException) {
            return; // the client left before sending the whole body: nobody to answer
        }
        // The body handler fails with 200 when the body breaks off in other ways (a bad chunk size): unreadable too.
        int status = context.statusCode() == 200 && context.failure() != null ? 400 : context.statusCode();
        if ((status != 400 && status != 413) || context.response().headWritten()) {
            context.next();
            return;
        }
        boolean tooLarge = status == 413;
        metrics.rejected(Endpoint.FORMS, tooLarge ? RejectionReason.PAYLOAD_TOO_LARGE : RejectionReason.MALFORMED_BODY);
        Refusal refusal = tooLarge ? Refusal.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, BodyLimit.DETAIL)
                : Refusal.of(Response.Status.BAD_REQUEST, UNREADABLE);
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean browser = accept != null && accept.contains("text/html"); // as ClientRequest.acceptsHtml
        try {
            Buffer body = browser ? Buffer.buffer(HtmlPages.page(refusal, List.of()))
                    : Buffer.buffer(json.writeValueAsBytes(new Problem("about:blank", refusal.title(), status, refusal.detail(), List.of())));
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, browser ? "text/html;charset=utf-8" : Problem.MEDIA_TYPE)
                    // Unread bytes of the body may follow on this connection: do not read them as a request.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body);
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
