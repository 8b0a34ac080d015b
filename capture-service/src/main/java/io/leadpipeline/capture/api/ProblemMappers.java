package io.leadpipeline.capture.api;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.leadpipeline.capture.domain.FieldViolation;

/** Every error this service answers is problem+json, including the ones the framework raises. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = invalid.getPath().get(invalid.getPath().size() - 1).getFieldName();
            return Problem.response(Response.Status.BAD_REQUEST, "The request has invalid fields",
                    List.of(new FieldViolation(field, "has an invalid value")));
        }
        return Problem.response(Response.Status.BAD_REQUEST, "The body is not valid JSON", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.getMediaType() != null && Problem.MEDIA_TYPE.equals(original.getMediaType().toString())) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), List.of());
    }
}
