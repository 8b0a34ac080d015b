package io.leadpipeline.service;

import java.util.stream.Collectors;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The errors Quarkus REST raises before a resource method runs (no such resource, a wrong method, a media type the
 * endpoint does not take or give, a body that is not the JSON it expects) as problem+json like the services' own
 * refusals, instead of an empty body. A service's own mappers (default priority) take precedence.
 */
public class FrameworkProblems {

    /** After a service's own mappers ({@link Priorities#USER}), before Quarkus' built-in one for bad JSON ({@code USER + 100}). */
    static final int PRIORITY = Priorities.USER + 50;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original; // a resource's own answer
        }
        String detail = e.getCause() instanceof JsonProcessingException ? "The body is not valid JSON" : detail(original.getStatus());
        return Response.fromResponse(original).type(Problem.MEDIA_TYPE).entity(Problem.of(original.getStatus(), detail)).build();
    }

    /** Quarkus has its own mapper for this subclass, with an empty body. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedJson(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : Integer.toString(reference.getIndex()))
                .collect(Collectors.joining("."));
        return badRequest(path.isEmpty() ? "The body is not the JSON object this endpoint takes" : "'" + path + "' has an invalid value");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response malformedJson(JsonProcessingException e) {
        return badRequest("The body is not valid JSON");
    }

    private static Response badRequest(String detail) {
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE).entity(Problem.of(400, detail)).build();
    }

    /** A sentence of our own: the framework's messages may name its classes. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "There is no such resource";
            case 405 -> "This resource does not take that method";
            case 406 -> "This resource cannot answer in a media type the request accepts";
            case 413 -> "The body is too large";
            case 415 -> "This resource does not take a body of that media type";
            default -> Problem.of(status, null).title();
        };
    }
}
