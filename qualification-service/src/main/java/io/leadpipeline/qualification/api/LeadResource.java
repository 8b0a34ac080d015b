package io.leadpipeline.qualification.api;

import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.service.query.KeyOwner;
import io.leadpipeline.service.query.KeyOwners;
import io.leadpipeline.service.query.OwnerForwarder;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * A lead's current stage, scores, grade, explanation and stage history. Answered from the local store, or proxied
 * to the instance that owns the lead's partition when several instances share the work.
 */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN}) // a lead profile is personal data
public class LeadResource {

    private static final OwnerForwarder.Terms FORWARDING = new OwnerForwarder.Terms(Duration.ofSeconds(10),
            "The lead's partition is moving between instances; retry shortly",
            "The instance that owns the lead did not answer; retry shortly");

    private final KafkaStreams streams;
    private final KeyOwners owners;
    private final OwnerForwarder forwarder;

    public LeadResource(KafkaStreams streams, OwnerForwarder forwarder) {
        this.streams = streams;
        this.owners = KeyOwners.of(streams);
        this.forwarder = forwarder;
    }

    @GET
    @Path("/{leadId}")
    @Blocking // the local answer is a store read
    public Uni<Response> byId(@PathParam("leadId") String leadId, @HeaderParam(OwnerForwarder.FORWARDED_HEADER) String forwarded,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!LeadIds.isLeadId(leadId)) {
            // Not echoed or logged: a caller may have put an email address where the id goes.
            return Uni.createFrom().item(() -> Problem.response(Response.Status.NOT_FOUND,
                    "No such lead: a lead id is a UUID (or use ?email=)"));
        }
        return find(leadId, authorization, forwarded);
    }

    @GET
    @Blocking
    public Uni<Response> byEmail(@QueryParam("email") String email, @HeaderParam(OwnerForwarder.FORWARDED_HEADER) String forwarded,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(() -> Problem.response(Response.Status.BAD_REQUEST, "Query parameter 'email' is required"));
        }
        return find(LeadIds.fromEmail(email), authorization, forwarded);
    }

    private Uni<Response> find(String leadId, String authorization, String forwarded) {
        return switch (owners.find(Stores.LEAD_PROFILES, leadId)) {
            case KeyOwner.Local here -> Uni.createFrom().item(() -> answerHere(leadId, here.partition()));
            case KeyOwner.Elsewhere elsewhere ->
                    forwarder.forward(elsewhere.host(), OwnerForwarder.Call.get("/v1/leads/" + leadId, authorization, forwarded), FORWARDING);
            case KeyOwner.Unavailable unavailable -> Uni.createFrom().item(() -> Problem.retryLater(switch (unavailable.reason()) {
                case NOT_RUNNING -> "Kafka Streams is not running yet; retry shortly";
                case REBALANCING -> "No instance owns the lead's partition right now (rebalancing); retry shortly";
            }));
        };
    }

    private Response answerHere(String leadId, int partition) {
        LeadProfile profile;
        try {
            profile = streams.store(StoreQueryParameters.fromNameAndType(Stores.LEAD_PROFILES,
                    QueryableStoreTypes.<String, LeadProfile>keyValueStore()).withPartition(partition)).get(leadId);
        } catch (InvalidStateStoreException e) {
            return Problem.retryLater("Lead profiles are being restored; retry shortly");
        }
        if (profile == null) {
            return Problem.response(Response.Status.NOT_FOUND, "No lead " + leadId);
        }
        if (!profile.isKnown()) {
            return Problem.response(Response.Status.NOT_FOUND, "No lead " + leadId + " yet: "
                    + profile.activities().size() + " engagement(s) tracked, waiting for its first conversion");
        }
        return Response.ok(LeadView.of(profile)).build();
    }
}
