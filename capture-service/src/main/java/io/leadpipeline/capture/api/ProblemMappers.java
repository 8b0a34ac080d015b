package io.leadpipeline.capture.api;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.leadpipeline.capture.api.CaptureMetrics.Endpoint;
import io.leadpipeline.service.FieldViolation;
import io.leadpipeline.service.Problem;

/** Every error this service answers is problem+json, including the ones the framework raises; each is counted. */
public class ProblemMappers {

    private final CaptureMetrics metrics;

    public ProblemMappers(CaptureMetrics metrics) {
        this.metrics = metrics;
    }

    /** Quarkus has its own mapper for this subclass; ours names the field in problem+json instead. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            count(uri, RejectionReason.INVALID_FIELDS);
            return Problem.response(Response.Status.BAD_REQUEST, "The request has invalid fields",
                    List.of(new FieldViolation(path(mismatched), "has an invalid value")));
        }
        count(uri, RejectionReason.MALFORMED_BODY);
        return Problem.response(Response.Status.BAD_REQUEST, "The body is not valid JSON", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()) {
            count(uri, RejectionReason.UNSUPPORTED_MEDIA_TYPE);
            return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, unsupportedMediaType(uri), List.of());
        }
        if (status == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            count(uri, RejectionReason.PAYLOAD_TOO_LARGE);
            return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, BodyLimit.DETAIL, List.of());
        }
        if (original.getMediaType() != null && Problem.MEDIA_TYPE.equals(original.getMediaType().toString())) {
            return original;
        }
        Response.StatusType statusInfo = original.getStatusInfo();
        return Problem.response(status, statusInfo.getReasonPhrase(), e.getMessage(), List.of());
    }

    private static String unsupportedMediaType(UriInfo uri) {
        return uri.getPath().startsWith("/v1/forms/")
                ? "Send the form as application/x-www-form-urlencoded or multipart/form-data"
                : "Send the body as application/json";
    }

    /** {@code consent.marketing}, {@code fields.size}: the JSON path of the bad value. */
    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : Integer.toString(reference.getIndex()))
                .collect(Collectors.joining("."));
    }

    private void count(UriInfo uri, RejectionReason reason) {
        String path = uri.getPath();
        Endpoint endpoint = path.startsWith("/v1/forms/") ? Endpoint.FORMS
                : path.startsWith("/v1/engagements") ? Endpoint.ENGAGEMENTS : Endpoint.CONVERSIONS;
        metrics.rejected(endpoint, reason);
    }

}
