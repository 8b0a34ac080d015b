package io.leadpipeline.opsconsole.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The errors Quarkus REST raises for /api (no such resource, a wrong method, a media type it does not give) as problem+json, like the console's own. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original; // the console's own problem (Problem.exception)
        }
        int status = original.getStatus();
        return Response.fromResponse(original).type(Problem.MEDIA_TYPE).entity(Problem.of(status, Problem.frameworkDetail(status))).build();
    }
}
