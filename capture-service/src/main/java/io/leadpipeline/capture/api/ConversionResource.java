package io.leadpipeline.capture.api;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadpipeline.capture.api.CaptureMetrics.Endpoint;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.ConversionSubmission;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.rules.LiveRules;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** POST /v1/conversions: a website's JavaScript or server reports a form fill. 202 only once Kafka has it. */
@Path("/v1/conversions")
@Tag(name = "Conversions", description = "Form fills: the start of every lead")
public class ConversionResource {

    private final ConversionIntake intake;
    private final LiveRules<CaptureRules> rules;
    private final CaptureMetrics metrics;

    public ConversionResource(ConversionIntake intake, LiveRules<CaptureRules> rules, CaptureMetrics metrics) {
        this.intake = intake;
        this.rules = rules;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Capture a conversion (JSON)", description = """
            For a site's JavaScript or a server. Needs no secret: `formId` names a configured form, and browser requests \
            are checked against the form's site origins. A server with the site's API key (`Authorization: Bearer`) \
            gets its own rate limit, may backdate `submittedAt`, and is marked `sourceTrusted`. Answers 202 only after \
            Kafka acknowledged the write. A retry with the same `Idempotency-Key`, or an identical resubmission within \
            the double-click window, returns the same conversionId and is one conversion downstream.""")
    @APIResponse(responseCode = "202", description = "Stored: the conversion's id and the lead's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaptureAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, one entry per field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "An Authorization header with an unknown key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Origin not allowed for the form's site, or a key of another site", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown formId", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different submission", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Rate limit hit; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; nothing stored, see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> capture(ConversionSubmission submission,
            @Parameter(description = "Client-chosen key (e.g. a UUID): a retry with the same key is the same conversion",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ConversionIntake.MAX_IDEMPOTENCY_KEY))
            @HeaderParam(ClientRequest.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        if (submission == null) {
            metrics.rejected(Endpoint.CONVERSIONS, RejectionReason.MALFORMED_BODY);
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST, "A JSON body is required", List.of()));
        }
        ConversionIntake.Submission fields = new ConversionIntake.Submission(submission,
                site -> submission.fields() == null ? null : submission.fields().get(site.honeypotField()), idempotencyKey);
        return intake.capture(rules.get(), Endpoint.CONVERSIONS, fields, ClientRequest.of(headers, request), Optional.empty())
                .map(outcome -> switch (outcome) {
                    case CaptureOutcome.Accepted accepted -> Response.accepted(new CaptureAccepted(accepted.conversionId(), accepted.leadId()))
                            .type(MediaType.APPLICATION_JSON).build();
                    case CaptureOutcome.Refused refused -> refused.refusal().toProblem();
                });
    }

    @OPTIONS
    @Operation(summary = "CORS preflight", description = "Allowed for the origins of the configured sites; the POST is then checked against the form's own site.")
    public Response preflight(@Context HttpHeaders headers) {
        String origin = headers.getHeaderString("Origin");
        return Cors.preflight(origin, origin != null && rules.get().anySiteAllowsOrigin(origin.trim().toLowerCase(java.util.Locale.ROOT)),
                "/v1/conversions");
    }
}
