package io.leadpipeline.service;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details body ({@code application/problem+json}), for the refusals every service makes alike. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return new Problem("about:blank", known != null ? known.getReasonPhrase() : "Error", status, detail);
    }
}
