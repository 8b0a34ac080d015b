package io.leadpipeline.nurture.api;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.Problem;

/** Ops' view of nurture: a lead's enrollments (from whichever instance owns it) and the tracks with their active counts. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class NurtureResource {

    static final String LOCAL_COUNTS_PATH = "/v1/internal/nurture-counts";

    private final NurtureQueries queries;
    private final NurtureRules rules;

    public NurtureResource(NurtureQueries queries, NurtureRules rules) {
        this.queries = queries;
        this.rules = rules;
    }

    @GET
    @Path("/leads/{leadId}/enrollments")
    public Response enrollments(@PathParam("leadId") String leadId, @HeaderParam(NurtureQueries.FORWARDED) String forwardedBy) {
        if (!LeadIds.isLeadId(leadId)) {
            // Not echoed: a caller may have put an email address where the id goes.
            return Problem.response(Response.Status.NOT_FOUND, "No such lead: a lead id is a UUID");
        }
        return switch (queries.locate(leadId)) {
            case NurtureQueries.Location.Here here when here.lead() == null ->
                    Problem.response(Response.Status.NOT_FOUND, "Nurture knows no lead " + leadId);
            case NurtureQueries.Location.Here here -> Response.ok(LeadEnrollmentsView.of(here.lead())).build();
            case NurtureQueries.Location.Elsewhere elsewhere when forwardedBy != null ->
                    Problem.retryLater("The lead's partition is moving between instances; retry shortly");
            case NurtureQueries.Location.Elsewhere elsewhere -> queries.forward(elsewhere.host(), "/v1/leads/" + leadId + "/enrollments")
                    .map(remote -> Response.status(remote.statusCode())
                            .type(remote.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON))
                            .entity(remote.body()).build())
                    .orElseGet(() -> Problem.retryLater("The instance owning lead " + leadId + " did not answer; retry shortly"));
            case NurtureQueries.Location.Unavailable unavailable ->
                    Problem.retryLater("Nurture state is being restored or rebalanced; retry shortly");
        };
    }

    @GET
    @Path("/tracks")
    public Response tracks() {
        try {
            NurtureQueries.Counts counts = queries.allCounts(LOCAL_COUNTS_PATH);
            Map<String, Long> active = new HashMap<>();
            counts.byKey().forEach((key, value) -> {
                if (key.startsWith(Stores.ACTIVE_COUNT_PREFIX)) {
                    active.put(key.substring(Stores.ACTIVE_COUNT_PREFIX.length()), value);
                }
            });
            return Response.ok(TracksView.of(rules, active, counts.byKey().getOrDefault(Stores.PARKED_COUNT, 0L), counts.complete())).build();
        } catch (InvalidStateStoreException e) {
            return Problem.retryLater("Nurture state is being restored or rebalanced; retry shortly");
        }
    }

    /** This instance's share of the counts, for the instance answering GET /v1/tracks; not for clients. */
    @GET
    @Path("/internal/nurture-counts")
    public Response localCounts() {
        try {
            return Response.ok(queries.localCounts()).build();
        } catch (InvalidStateStoreException e) {
            return Problem.retryLater("Nurture state is being restored or rebalanced; retry shortly");
        }
    }
}
