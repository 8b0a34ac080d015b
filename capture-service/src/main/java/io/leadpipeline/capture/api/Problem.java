package io.leadpipeline.capture.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadpipeline.capture.domain.FieldViolation;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details body ({@code application/problem+json}), with one entry per bad field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail, List<FieldViolation> errors) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, errors);
    }

    public static Response response(int status, String title, String detail, List<FieldViolation> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors))
                .build();
    }
}
