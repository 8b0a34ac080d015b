package io.leadpipeline.service;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), the one every service answers with; a refused
 * submission lists its bad fields in {@code errors}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Seconds a client waits before retrying a 503 while state moves between instances or is restored. */
    private static final String RETRY_AFTER_SECONDS = "2";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return of(status, known != null ? known.getReasonPhrase() : "Error", detail, List.of());
    }

    public static Problem of(int status, String title, String detail, List<FieldViolation> errors) {
        return new Problem("about:blank", title, status, detail, errors);
    }

    public static Response response(Response.Status status, String detail) {
        return response(status, detail, List.of());
    }

    public static Response response(Response.Status status, String detail, List<FieldViolation> errors) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, errors);
    }

    public static Response response(int status, String title, String detail, List<FieldViolation> errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(of(status, title, detail, errors)).build();
    }

    /** To throw where a resource returns a document rather than a response (Quarkus answers with its response). */
    public static WebApplicationException exception(Response.Status status, String detail) {
        return new WebApplicationException(response(status, detail));
    }

    /** 400 for a body that is not JSON, saying where it breaks; Jackson's own words for its limits name its classes. */
    public static Response notJson(JsonProcessingException e) {
        return response(Response.Status.BAD_REQUEST, e instanceof StreamConstraintsException
                ? "The body is not JSON we read: it is nested too deeply, or a number or string in it is too long"
                : "The body is not JSON: " + e.getOriginalMessage());
    }

    /** 503 with Retry-After: the state the request needs is moving between instances or being restored. */
    public static Response retryLater(String detail) {
        return Response.fromResponse(response(Response.Status.SERVICE_UNAVAILABLE, detail)).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
