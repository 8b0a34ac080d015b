package io.leadpipeline.routing.api;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }

    /** 503 with Retry-After: the routing desk is moving between instances or restoring its state. */
    public static Response deskUnavailable(String detail) {
        return Response.fromResponse(response(Response.Status.SERVICE_UNAVAILABLE, detail)).header("Retry-After", "2").build();
    }
}
