package io.leadpipeline.opsconsole.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static WebApplicationException exception(Response.Status status, String detail) {
        return new WebApplicationException(Response.status(status)
                .type(MEDIA_TYPE)
                .entity(of(status.getStatusCode(), detail))
                .build());
    }

    static Problem of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return new Problem("about:blank", known != null ? known.getReasonPhrase() : "Error", status, detail);
    }

    /** A sentence of our own for the refusals the framework makes: its messages may name its classes. */
    static String frameworkDetail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "There is no such resource";
            case 405 -> "This resource does not take that method";
            case 406 -> "This resource cannot answer in a media type the request accepts";
            default -> of(status, null).title();
        };
    }
}
