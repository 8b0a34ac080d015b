package io.leadpipeline.capture.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadpipeline.capture.api.CaptureMetrics.Endpoint;
import io.leadpipeline.capture.config.Topics;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.CaptureRules.SiteKey;
import io.leadpipeline.capture.domain.EngagementNormalizer;
import io.leadpipeline.capture.domain.EngagementSubmission;
import io.leadpipeline.capture.messaging.EngagementEvents;
import io.leadpipeline.capture.messaging.EngagementPublisher;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.service.FieldViolation;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.rules.LiveRules;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** POST /v1/engagements: trusted servers (tracking, email platform, webinar tool) report what a lead did. */
@Path("/v1/engagements")
@Tag(name = "Engagements", description = "Activity of known leads, from trusted servers")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A site's secret API key (the capture rules on lead.rules, seeded from config/capture.yaml: sites[].apiKeys)")
public class EngagementResource {

    private final LiveRules<CaptureRules> rules;
    private final Gatekeeper gatekeeper;
    private final AcknowledgedWrites writes;
    private final EngagementPublisher publisher;
    private final CaptureMetrics metrics;
    private final Clock clock;
    private final Validator validator;
    private final EngagementNormalizer normalizer;

    public EngagementResource(LiveRules<CaptureRules> rules, Gatekeeper gatekeeper, AcknowledgedWrites writes, EngagementPublisher publisher,
            CaptureMetrics metrics, Clock clock, Validator validator) {
        this.rules = rules;
        this.gatekeeper = gatekeeper;
        this.writes = writes;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.validator = validator;
        this.normalizer = new EngagementNormalizer(validator);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Track an engagement", description = """
            A page view, email opened or clicked, webinar attended, content downloaded, meeting booked or unsubscribe, \
            identified by `email` or `leadId`. Needs the site's API key. 202 after Kafka acknowledged the write to \
            lead.engagements. The engagementId derives from the `Idempotency-Key`, or else from what happened \
            (lead, type, occurredAt, details), so a reporter's retry is the same engagement.""")
    @APIResponse(responseCode = "202", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EngagementAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, one entry per field", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Rate limit of the key hit; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> track(EngagementSubmission submission, @HeaderParam(ClientRequest.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        ClientRequest client = ClientRequest.of(headers, request);
        CaptureRules current = rules.get(); // one version for the whole request
        SiteKey key;
        try {
            key = gatekeeper.requireKey(current, client);
        } catch (Gatekeeper.RefusedException e) {
            return refused(e.reason(), e.refusal());
        }
        Optional<Refusal> limited = gatekeeper.rateLimit(current, client, Optional.of(key));
        if (limited.isPresent()) {
            return Uni.createFrom().item(limited.get().toProblem());
        }
        if (submission == null) {
            return refused(RejectionReason.MALFORMED_BODY, Refusal.invalid("A JSON body is required", List.of()));
        }
        List<FieldViolation> badKey = IdempotencyKey.violations(validator, idempotencyKey);
        if (!badKey.isEmpty()) {
            return refused(RejectionReason.INVALID_FIELDS, Refusal.invalid("The request has invalid fields", badKey));
        }
        // Validated here, not by @Valid on the parameter: only a caller with a key, within its rate limit, learns what is wrong.
        Instant receivedAt = clock.instant();
        EngagementNormalizer.Result result = normalizer.normalize(submission);
        if (result instanceof EngagementNormalizer.Invalid invalid) {
            return refused(RejectionReason.INVALID_FIELDS, Refusal.invalid("The engagement has invalid fields", invalid.violations()));
        }
        EngagementNormalizer.NormalizedEngagement engagement = ((EngagementNormalizer.Valid) result).engagement();
        String siteId = key.site().id();
        String engagementId = EngagementEvents.engagementId(siteId, idempotencyKey, engagement, receivedAt);
        EngagementTracked event = EngagementEvents.tracked(engagementId, siteId, engagement, receivedAt);
        return writes.write(Topics.ENGAGEMENTS, () -> publisher.publish(event),
                "Engagement " + engagementId + " of lead " + event.getLeadId(),
                () -> {
                    metrics.accepted(Endpoint.ENGAGEMENTS, siteId);
                    return new CaptureOutcome.Accepted(engagementId, event.getLeadId(), null);
                })
                .map(outcome -> switch (outcome) {
                    case CaptureOutcome.Accepted accepted -> Response.accepted(new EngagementAccepted(engagementId, event.getLeadId()))
                            .type(MediaType.APPLICATION_JSON).build();
                    case CaptureOutcome.Refused refused -> refused.refusal().toProblem();
                });
    }

    private Uni<Response> refused(RejectionReason reason, Refusal refusal) {
        metrics.rejected(Endpoint.ENGAGEMENTS, reason);
        return Uni.createFrom().item(refusal.toProblem());
    }
}
