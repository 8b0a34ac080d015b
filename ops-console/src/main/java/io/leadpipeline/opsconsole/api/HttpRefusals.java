package io.leadpipeline.opsconsole.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The 4xx refusals Vert.x makes before any resource is chosen (such as a request without a Host header) as
 * problem+json, instead of Quarkus' error page and an error logged with its stack trace for each. (A target that is no
 * URI at all, such as one with a malformed percent escape, Quarkus refuses even earlier, with an empty 400.)
 */
@ApplicationScoped
public class HttpRefusals {

    /** Just before Quarkus' own error handler, the last route. */
    static final int ORDER = Integer.MAX_VALUE - 1;

    private final ObjectMapper json;

    HttpRefusals(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).failureHandler(this::refuse);
    }

    private void refuse(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status > 499) {
            context.next(); // a server error: Quarkus logs it with an error id
            return;
        }
        if (context.response().headWritten()) {
            return;
        }
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(json.writeValueAsBytes(Problem.of(status, Problem.frameworkDetail(status)))));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
