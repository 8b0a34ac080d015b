package io.leadpipeline.nurture.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.service.query.KeyOwner;
import io.leadpipeline.service.query.OwnerForwarder;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Ops' view of nurture: a lead's enrollments (from whichever instance owns it) and the tracks with their active counts. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
public class NurtureResource {

    static final String LOCAL_COUNTS_PATH = "/v1/internal/nurture-counts";

    private final NurtureQueries queries;
    /** The live rules: GET /v1/tracks shows the version current when the request is answered. */
    private final Supplier<NurtureRules> rules;

    @jakarta.inject.Inject
    public NurtureResource(NurtureQueries queries, LiveRules<NurtureRules> rules) {
        this(queries, (Supplier<NurtureRules>) rules);
    }

    /** For a second instance in tests: any source of the current rules. */
    public NurtureResource(NurtureQueries queries, Supplier<NurtureRules> rules) {
        this.queries = queries;
        this.rules = rules;
    }

    @GET
    @Path("/leads/{leadId}/enrollments")
    @Blocking // the local answer is a store read
    public Uni<Response> enrollments(@PathParam("leadId") String leadId,
            @HeaderParam(OwnerForwarder.FORWARDED_HEADER) String forwardedBy, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!LeadIds.isLeadId(leadId)) {
            // Not echoed: a caller may have put an email address where the id goes.
            return Uni.createFrom().item(() -> Problem.response(Response.Status.NOT_FOUND, "No such lead: a lead id is a UUID"));
        }
        return switch (queries.owner(leadId)) {
            case KeyOwner.Local here -> Uni.createFrom().item(() -> enrollmentsHere(leadId, here.partition()));
            case KeyOwner.Elsewhere elsewhere -> queries.forward(elsewhere.host(),
                    OwnerForwarder.Call.get("/v1/leads/" + leadId + "/enrollments", authorization, forwardedBy),
                    "The lead's partition is moving between instances; retry shortly",
                    "The instance owning lead " + leadId + " did not answer; retry shortly");
            case KeyOwner.Unavailable unavailable -> Uni.createFrom().item(NurtureResource::restoring);
        };
    }

    private Response enrollmentsHere(String leadId, int partition) {
        LeadNurture lead;
        try {
            lead = queries.lead(leadId, partition);
        } catch (InvalidStateStoreException e) {
            return restoring();
        }
        // An erased lead's anonymous history stays (so an old rejection never enrolls it again), but it is nobody's to read.
        return lead == null || lead.erased()
                ? Problem.response(Response.Status.NOT_FOUND, "Nurture knows no lead " + leadId)
                : Response.ok(LeadEnrollmentsView.of(lead)).build();
    }

    @GET
    @Path("/tracks")
    @Blocking
    public Uni<Response> tracks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        NurtureRules current = rules.get(); // one version for the whole answer
        return Uni.createFrom().deferred(() -> queries.allCounts(LOCAL_COUNTS_PATH, authorization))
                .map(counts -> {
                    Map<String, Long> active = new HashMap<>();
                    counts.byKey().forEach((key, value) -> {
                        if (key.startsWith(Stores.ACTIVE_COUNT_PREFIX)) {
                            active.put(key.substring(Stores.ACTIVE_COUNT_PREFIX.length()), value);
                        }
                    });
                    long parked = counts.byKey().getOrDefault(Stores.PARKED_COUNT, 0L);
                    return Response.ok(TracksView.of(current, active, parked, counts.complete())).build();
                })
                .onFailure(InvalidStateStoreException.class).recoverWithItem(NurtureResource::restoring);
    }

    /** This instance's share of the counts, for the instance answering GET /v1/tracks; not for clients. */
    @GET
    @Path("/internal/nurture-counts")
    public Response localCounts() {
        try {
            return Response.ok(queries.localCounts()).build();
        } catch (InvalidStateStoreException e) {
            return restoring();
        }
    }

    private static Response restoring() {
        return Problem.retryLater("Nurture state is being restored or rebalanced; retry shortly");
    }
}
