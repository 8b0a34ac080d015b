package io.leadpipeline.qualification.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;

import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.Problem;

/**
 * A lead's current stage, scores, grade, explanation and stage history. Answered from the local store, or proxied
 * to the instance that owns the lead's partition when several instances share the work.
 */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    /** Marks a request one instance passed to another, so ownership moving mid-request never makes a loop. */
    static final String FORWARDED_HEADER = "X-Lead-Pipeline-Forwarded";
    private static final Duration PROXY_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(LeadResource.class);

    private final LeadLookup lookup;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROXY_TIMEOUT).build();

    public LeadResource(LeadLookup lookup) {
        this.lookup = lookup;
    }

    @GET
    @Path("/{leadId}")
    public Response byId(@PathParam("leadId") String leadId, @HeaderParam(FORWARDED_HEADER) String forwarded) {
        if (!LeadIds.isLeadId(leadId)) {
            // Not echoed or logged: a caller may have put an email address where the id goes.
            return Problem.response(Response.Status.NOT_FOUND, "No such lead: a lead id is a UUID (or use ?email=)");
        }
        return find(leadId, forwarded != null);
    }

    @GET
    public Response byEmail(@QueryParam("email") String email, @HeaderParam(FORWARDED_HEADER) String forwarded) {
        if (email == null || email.isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "Query parameter 'email' is required");
        }
        return find(LeadIds.fromEmail(email), forwarded != null);
    }

    private Response find(String leadId, boolean forwarded) {
        return switch (lookup.find(leadId)) {
            case LeadLookup.Found found when found.profile().isKnown() -> Response.ok(LeadView.of(found.profile())).build();
            case LeadLookup.Found pending -> Problem.response(Response.Status.NOT_FOUND, "No lead " + leadId + " yet: "
                    + pending.profile().activities().size() + " engagement(s) tracked, waiting for its first conversion");
            case LeadLookup.NotFound notFound -> Problem.response(Response.Status.NOT_FOUND, "No lead " + leadId);
            case LeadLookup.Elsewhere elsewhere when forwarded -> unavailable("The lead's partition is moving between instances");
            case LeadLookup.Elsewhere elsewhere -> proxy(elsewhere.owner(), leadId);
            case LeadLookup.Unavailable unavailable -> unavailable(unavailable.why());
        };
    }

    /** GET the lead from the instance that owns it, and answer with what it answered. */
    private Response proxy(HostInfo owner, String leadId) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/v1/leads/" + leadId);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(PROXY_TIMEOUT)
                    .header(FORWARDED_HEADER, "true").header("Accept", MediaType.APPLICATION_JSON).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Response.status(answer.statusCode())
                    .type(answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON))
                    .entity(answer.body())
                    .build();
        } catch (IOException e) {
            LOG.warnf("Instance %s:%d owning lead %s did not answer: %s", owner.host(), owner.port(), leadId, e.toString());
            return unavailable("The instance that owns the lead did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("Interrupted");
        }
    }

    private static Response unavailable(String why) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, why + "; retry shortly"))
                .header("Retry-After", "2").build();
    }
}
