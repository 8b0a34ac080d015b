package io.leadpipeline.capture.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.TextSafe;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.rules.LiveRules;

/**
 * CORS per site. A preflight is answered for the origins of the form's site (or, for /v1/conversions, whose
 * formId is in the body, of any site); the actual POST is then checked against the form's own site (403 otherwise).
 * Responses to allowed origins carry {@code Access-Control-Allow-Origin} so the page's script can read them.
 */
public class Cors {

    static final String ALLOWED_METHODS = "POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Idempotency-Key";
    static final String EXPOSED_HEADERS = "Retry-After";
    static final int MAX_AGE_SECONDS = 600;

    private final LiveRules<CaptureRules> rules;

    public Cors(LiveRules<CaptureRules> rules) {
        this.rules = rules;
    }

    /** The answer to an OPTIONS preflight from {@code origin}, which the site(s) in question do or do not allow. */
    static Response preflight(String origin, boolean allowed, String subject) {
        if (origin == null) {
            return Response.noContent().header("Allow", ALLOWED_METHODS).build();
        }
        if (!allowed) {
            return Response.fromResponse(Problem.response(Response.Status.FORBIDDEN,
                    "Origin " + TextSafe.of(origin) + " may not post to " + subject, java.util.List.of()))
                    .header("Vary", "Origin").build();
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                .header("Vary", "Origin")
                .build();
    }

    @ServerResponseFilter
    public void allowConfiguredOrigins(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        String path = request.getUriInfo().getPath();
        // Preflights answer for themselves; a refused origin (403) learns nothing it could read.
        if (origin == null || !(path.startsWith("/v1/conversions") || path.startsWith("/v1/forms/"))
                || "OPTIONS".equals(request.getMethod()) || response.getStatus() == 403) {
            return;
        }
        if (!response.getHeaders().containsKey("Vary")) {
            response.getHeaders().add("Vary", "Origin");
        }
        if (rules.get().anySiteAllowsOrigin(origin.trim().toLowerCase(java.util.Locale.ROOT))) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin.trim());
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }
}
