package io.leadpipeline.capture.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.leadpipeline.service.FieldViolation;
import io.leadpipeline.service.Problem;

/** A request capture did not accept: the status, a sentence, the bad fields and any headers (Retry-After, WWW-Authenticate). */
public record Refusal(int status, String detail, List<FieldViolation> errors, Map<String, String> headers) {

    public static Refusal of(Response.Status status, String detail) {
        return new Refusal(status.getStatusCode(), detail, List.of(), Map.of());
    }

    public static Refusal invalid(String detail, List<FieldViolation> errors) {
        return new Refusal(Response.Status.BAD_REQUEST.getStatusCode(), detail, errors, Map.of());
    }

    public Refusal withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Refusal(status, detail, errors, Map.copyOf(more));
    }

    public boolean fieldErrors() {
        return status == Response.Status.BAD_REQUEST.getStatusCode() && !errors.isEmpty();
    }

    public String title() {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }

    /** As {@code application/problem+json}. */
    public Response toProblem() {
        Response.ResponseBuilder response = Response.fromResponse(Problem.response(status, title(), detail, errors));
        headers.forEach(response::header);
        return response.build();
    }
}
