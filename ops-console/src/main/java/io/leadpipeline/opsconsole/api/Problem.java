package io.leadpipeline.opsconsole.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static WebApplicationException exception(Response.Status status, String detail) {
        return new WebApplicationException(Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build());
    }
}
