package io.leadpipeline.capture.api;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadpipeline.capture.config.Topics;
import io.leadpipeline.capture.messaging.EngagementPublisher;
import io.leadpipeline.capture.messaging.ErasureEvents;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * A person's right to be forgotten: an administrator asks for a lead's erasure, by lead id or by email address, and
 * capture writes it to lead.engagements, the topic every service already reads for what a lead did. Each service then
 * deletes what it keeps of the lead (docs/security.md, "Erasure").
 */
@Path("/v1/leads")
@Tag(name = "Erasure", description = "Forget a lead everywhere (admin)")
@RolesAllowed(Roles.ADMIN)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ErasureResource {

    private final AcknowledgedWrites writes;
    private final EngagementPublisher publisher;
    private final CaptureMetrics metrics;
    private final Clock clock;

    public ErasureResource(AcknowledgedWrites writes, EngagementPublisher publisher, CaptureMetrics metrics, Clock clock) {
        this.writes = writes;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @POST
    @Path("/{leadId}/erasure")
    @Operation(summary = "Erase a lead", description = """
            Every service deletes the lead's state; nurture stops for good; every read of the lead answers 404 once the \
            services have applied it (within seconds). 202 after Kafka acknowledged the request. Erasing twice is harmless.""")
    @APIResponse(responseCode = "202", description = "Requested", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ErasureAccepted.class)))
    @APIResponse(responseCode = "400", description = "Not a lead id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No token, or not a valid one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token's role is not admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> eraseById(@PathParam("leadId") String leadId) {
        if (!LeadIds.isLeadId(leadId)) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST, "Not a lead id (a UUID)"));
        }
        return erase(leadId);
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a lead by email address", description = "As erasure by id, for the lead of this address.")
    @APIResponse(responseCode = "202", description = "Requested", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ErasureAccepted.class)))
    @APIResponse(responseCode = "400", description = "No email address, or not one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No token, or not a valid one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token's role is not admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> eraseByEmail(@Valid @NotNull ErasureRequest request) {
        return erase(LeadIds.fromEmail(request.email()));
    }

    private Uni<Response> erase(String leadId) {
        EngagementTracked requested = ErasureEvents.requested(leadId, clock.instant());
        return writes.write(Topics.ENGAGEMENTS, () -> publisher.publish(requested), "Erasure of lead " + leadId,
                () -> new CaptureOutcome.Accepted(requested.getEngagementId(), leadId, null))
                .map(outcome -> switch (outcome) {
                    case CaptureOutcome.Accepted accepted -> {
                        metrics.erasureRequested();
                        yield Response.accepted(new ErasureAccepted(requested.getEngagementId(), leadId))
                                .type(MediaType.APPLICATION_JSON).build();
                    }
                    case CaptureOutcome.Refused refused -> refused.refusal().toProblem();
                });
    }
}
