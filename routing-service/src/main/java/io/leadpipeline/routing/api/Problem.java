package io.leadpipeline.routing.api;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }

    /** 400 for a body that is not JSON, saying where it breaks; Jackson's own words for its limits name its classes. */
    public static Response notJson(JsonProcessingException e) {
        return response(Response.Status.BAD_REQUEST, e instanceof StreamConstraintsException
                ? "The body is not JSON we read: it is nested too deeply, or a number or string in it is too long"
                : "The body is not JSON: " + e.getOriginalMessage());
    }

    /** 503 with Retry-After: the routing desk is moving between instances or restoring its state. */
    public static Response deskUnavailable(String detail) {
        return Response.fromResponse(response(Response.Status.SERVICE_UNAVAILABLE, detail)).header("Retry-After", "2").build();
    }
}
