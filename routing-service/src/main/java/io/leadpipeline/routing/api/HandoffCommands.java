package io.leadpipeline.routing.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.HandoffResponse;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.routing.config.RoutingSettings;
import io.leadpipeline.routing.domain.CommandResult;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.domain.HandoffStatus;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.routing.messaging.CommandPublisher;
import io.leadpipeline.routing.domain.Caller;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.query.OwnWrites;
import io.smallrye.mutiny.Uni;

/**
 * A closer's accept or reject, on the instance hosting the desk: answered at once when the handoff is unknown,
 * already carries this answer (idempotent 200) or is closed (409); otherwise written as a command to
 * lead.handoff-responses and answered with what the desk made of it, so the answer and the outcome event agree.
 */
@ApplicationScoped
public class HandoffCommands {

    private static final Logger LOG = Logger.getLogger(HandoffCommands.class);

    private final DeskAccess desk;
    private final CommandPublisher publisher;
    /** Read per request: a published change applies without a restart. */
    private final LiveRules<RoutingRules> rules;
    private final Clock clock;
    private final Duration timeout;

    public HandoffCommands(DeskAccess desk, CommandPublisher publisher, LiveRules<RoutingRules> rules, Clock clock,
            RoutingSettings settings) {
        this.desk = desk;
        this.publisher = publisher;
        this.rules = rules;
        this.clock = clock;
        this.timeout = settings.commandTimeout();
    }

    Uni<Response> answer(DeskReader reader, Caller caller, String handoffId, HandoffResponse response, HandoffRejectionReason reason,
            String note) {
        Optional<Handoff> found = reader.handoff(handoffId);
        if (found.isEmpty()) {
            return Uni.createFrom().item(Problem.response(Response.Status.NOT_FOUND, "No handoff " + handoffId));
        }
        Handoff handoff = found.get();
        if (!caller.mayActFor(handoff.closerId())) {
            return Uni.createFrom().item(HandoffResource.notYours());
        }
        HandoffStatus wanted = response == HandoffResponse.ACCEPT ? HandoffStatus.ACCEPTED : HandoffStatus.REJECTED;
        if (handoff.status() == wanted) {
            return Uni.createFrom().item(Response.ok(view(handoff)).build());
        }
        if (handoff.status() != HandoffStatus.OPEN) {
            return Uni.createFrom().item(noLongerOpen(handoff));
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
            return Uni.createFrom().item(Problem.retryLater("Kafka did not take the answer; retry (answers are idempotent)"));
        }
        return OwnWrites.awaitVisible(() -> result(commandId), timeout, HandoffCommands::notAppliedYet);
    }

    /** The answer to the command once the desk has applied it; empty while it has not. */
    private Optional<Response> result(String commandId) {
        Optional<DeskReader> reader = desk.local();
        if (reader.isEmpty()) {
            // The desk moved while we waited: the client retries, and a repeated answer is idempotent.
            return Optional.of(notAppliedYet());
        }
        return reader.get().commandResult(commandId).map(answered -> outcome(reader.get(), answered.result()));
    }

    private Response outcome(DeskReader reader, CommandResult result) {
        Optional<Handoff> handoff = reader.handoff(result.handoffId());
        if (handoff.isEmpty() && result.status() != CommandResult.Status.NOT_FOUND) {
            // Answered, but the handoff has since left the store: say what happened without its details.
            return result.status() == CommandResult.Status.NO_LONGER_OPEN
                    ? Problem.response(Response.Status.CONFLICT, "Handoff " + result.handoffId() + " is no longer open")
                    : Response.ok(Map.of("handoffId", result.handoffId())).build();
        }
        return switch (result.status()) {
            case APPLIED, ALREADY_APPLIED -> Response.ok(view(handoff.get())).build();
            case NOT_FOUND -> Problem.response(Response.Status.NOT_FOUND, "No handoff " + result.handoffId());
            case NO_LONGER_OPEN -> noLongerOpen(handoff.get());
        };
    }

    private static Response notAppliedYet() {
        return Problem.retryLater("The routing desk has not applied the answer yet; retry (answers are idempotent)");
    }

    private HandoffView view(Handoff handoff) {
        return HandoffView.of(handoff, rules.get().closer(handoff.closerId()).orElse(null));
    }

    private static Response noLongerOpen(Handoff handoff) {
        return Problem.response(Response.Status.CONFLICT, "Handoff " + handoff.handoffId() + " is no longer open: it is "
                + handoff.status() + (handoff.status() == HandoffStatus.EXPIRED ? " (the lead went to another closer)" : ""));
    }
}
