package io.leadpipeline.capture.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.capture.domain.ConversionSubmission;
import io.leadpipeline.capture.domain.ConversionValidator;
import io.leadpipeline.capture.domain.FieldViolation;
import io.leadpipeline.capture.messaging.ConversionEvents;
import io.leadpipeline.capture.messaging.ConversionPublisher;
import io.leadpipeline.events.ConversionCaptured;
import io.smallrye.mutiny.Uni;

/** POST /v1/conversions: a website's JavaScript or server reports a form fill. 202 only once Kafka has it. */
@Path("/v1/conversions")
public class ConversionResource {

    private static final Logger LOG = Logger.getLogger(ConversionResource.class);

    private final ConversionPublisher publisher;
    private final Duration writeDeadline;
    private final int retryAfterSeconds;

    public ConversionResource(ConversionPublisher publisher,
            @ConfigProperty(name = "capture.write-deadline") Duration writeDeadline,
            @ConfigProperty(name = "capture.retry-after-seconds") int retryAfterSeconds) {
        this.publisher = publisher;
        this.writeDeadline = writeDeadline;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Uni<Response> capture(ConversionSubmission submission) {
        if (submission == null) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST, "A JSON body is required", List.of()));
        }
        List<FieldViolation> violations = ConversionValidator.validate(submission);
        if (!violations.isEmpty()) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST, "The conversion has invalid fields", violations));
        }
        ConversionCaptured conversion = ConversionEvents.captured(submission, Instant.now());
        return publisher.publish(conversion)
                .ifNoItem().after(writeDeadline).fail()
                .map(acknowledged -> Response.accepted(new CaptureAccepted(conversion.getConversionId(), conversion.getLeadId()))
                        .type(MediaType.APPLICATION_JSON)
                        .build())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Conversion %s for lead %s not acknowledged by Kafka: %s", conversion.getConversionId(),
                            conversion.getLeadId(), failure.toString());
                    return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                            "The conversion could not be stored right now; retry later", List.of()))
                            .header("Retry-After", retryAfterSeconds)
                            .build();
                });
    }
}
