package io.leadpipeline.qualification.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.domain.LeadProfile;

/** A lead's current stage, scores, grade, explanation and stage history, read from the lead-profiles store. */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private final KafkaStreams streams;

    public LeadResource(KafkaStreams streams) {
        this.streams = streams;
    }

    @GET
    @Path("/{leadId}")
    public Response byId(@PathParam("leadId") String leadId) {
        return find(leadId);
    }

    @GET
    public Response byEmail(@QueryParam("email") String email) {
        if (email == null || email.isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "Query parameter 'email' is required");
        }
        return find(LeadIds.fromEmail(email));
    }

    private Response find(String leadId) {
        ReadOnlyKeyValueStore<String, LeadProfile> store;
        try {
            store = streams.store(StoreQueryParameters.fromNameAndType(Stores.LEAD_PROFILES, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Lead profiles are being restored; retry shortly");
        }
        LeadProfile profile = store.get(leadId);
        if (profile == null) {
            return Problem.response(Response.Status.NOT_FOUND, "No lead " + leadId);
        }
        return Response.ok(LeadView.of(profile)).build();
    }
}
