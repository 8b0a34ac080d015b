package io.leadpipeline.service.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.leadpipeline.service.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Quarkus security's refusals as problem+json like every other error: no token or a bad one (401, with
 * {@code WWW-Authenticate: Bearer}), a good token without the role or for another closer (403). The services turn
 * proactive authentication off ({@code quarkus.http.auth.proactive=false}) so these reach the REST layer. The detail
 * never repeats the token or its claims.
 */
public class AccessProblems {

    static final String CHALLENGE = "Bearer realm=\"lead-pipeline\"";

    @ServerExceptionMapper
    public Response noCredentials(UnauthorizedException e) {
        return unauthorized("A token is required (Authorization: Bearer <token>; ./pipeline token <role> mints one)");
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e) {
        return unauthorized("The token is not valid: expired, not signed by this pipeline's key, or malformed");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return forbidden("This token's role may not do this");
    }

    /** 403 for a caller who may use the endpoint but not on this resource (another closer's handoff, say). */
    public static Response forbidden(String detail) {
        return Problem.response(Response.Status.FORBIDDEN, detail);
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
