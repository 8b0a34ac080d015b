package io.leadpipeline.routing.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.HandoffResponse;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.routing.domain.CommandResult;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.domain.HandoffStatus;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.routing.messaging.CommandPublisher;
import io.leadpipeline.routing.streams.AnsweredCommand;
import io.leadpipeline.service.Problem;

/**
 * A closer's accept or reject, on the instance hosting the desk: answered at once when the handoff is unknown,
 * already carries this answer (idempotent 200) or is closed (409); otherwise written as a command to
 * lead.handoff-responses and answered with what the desk made of it, so the answer and the outcome event agree.
 */
@ApplicationScoped
public class HandoffCommands {

    private static final Logger LOG = Logger.getLogger(HandoffCommands.class);
    private static final Duration POLL = Duration.ofMillis(25);

    private final DeskAccess desk;
    private final CommandPublisher publisher;
    private final RoutingRules rules;
    private final Clock clock;
    private final Duration timeout;

    public HandoffCommands(DeskAccess desk, CommandPublisher publisher, RoutingRules rules, Clock clock,
            @ConfigProperty(name = "routing.command-timeout", defaultValue = "PT30S") Duration timeout) {
        this.desk = desk;
        this.publisher = publisher;
        this.rules = rules;
        this.clock = clock;
        this.timeout = timeout;
    }

    Response answer(DeskReader reader, String handoffId, HandoffResponse response, HandoffRejectionReason reason, String note) {
        Optional<Handoff> found = reader.handoff(handoffId);
        if (found.isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "No handoff " + handoffId);
        }
        Handoff handoff = found.get();
        HandoffStatus wanted = response == HandoffResponse.ACCEPT ? HandoffStatus.ACCEPTED : HandoffStatus.REJECTED;
        if (handoff.status() == wanted) {
            return Response.ok(view(handoff)).build();
        }
        if (handoff.status() != HandoffStatus.OPEN) {
            return noLongerOpen(handoff);
        }
        String commandId = UUID.randomUUID().toString();
        try {
            publisher.publish(HandoffResponseSubmitted.newBuilder()
                    .setCommandId(commandId)
                    .setHandoffId(handoffId)
                    .setLeadId(handoff.leadId())
                    .setResponse(response)
                    .setReasonCode(reason == null ? null : reason.name())
                    .setNote(note)
                    .setSubmittedAt(clock.instant())
                    .build());
        } catch (RuntimeException e) {
            LOG.warnf("Could not write the answer to handoff %s: %s", handoffId, e.getMessage());
            return Problem.retryLater("Kafka did not take the answer; retry (answers are idempotent)");
        }
        return awaitResult(commandId);
    }

    private Response awaitResult(String commandId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DeskReader> reader = desk.local();
            if (reader.isEmpty()) {
                break; // the desk moved while we waited: the client retries, and a repeated answer is idempotent
            }
            Optional<AnsweredCommand> answered = reader.get().commandResult(commandId);
            if (answered.isPresent()) {
                CommandResult result = answered.get().result();
                Optional<Handoff> handoff = reader.get().handoff(result.handoffId());
                if (handoff.isEmpty() && result.status() != CommandResult.Status.NOT_FOUND) {
                    // Answered, but the handoff has since left the store: say what happened without its details.
                    return result.status() == CommandResult.Status.NO_LONGER_OPEN
                            ? Problem.response(Response.Status.CONFLICT, "Handoff " + result.handoffId() + " is no longer open")
                            : Response.ok(java.util.Map.of("handoffId", result.handoffId())).build();
                }
                return switch (result.status()) {
                    case APPLIED, ALREADY_APPLIED -> Response.ok(view(handoff.get())).build();
                    case NOT_FOUND -> Problem.response(Response.Status.NOT_FOUND, "No handoff " + result.handoffId());
                    case NO_LONGER_OPEN -> noLongerOpen(handoff.get());
                };
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Problem.retryLater("The routing desk has not applied the answer yet; retry (answers are idempotent)");
    }

    private HandoffView view(Handoff handoff) {
        return HandoffView.of(handoff, rules.closer(handoff.closerId()).orElse(null));
    }

    private static Response noLongerOpen(Handoff handoff) {
        return Problem.response(Response.Status.CONFLICT, "Handoff " + handoff.handoffId() + " is no longer open: it is "
                + handoff.status() + (handoff.status() == HandoffStatus.EXPIRED ? " (the lead went to another closer)" : ""));
    }
}
