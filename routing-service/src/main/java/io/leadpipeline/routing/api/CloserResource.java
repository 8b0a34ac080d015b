package io.leadpipeline.routing.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.routing.config.RoutingSettings;
import io.leadpipeline.routing.domain.CloserProfile;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.routing.messaging.CommandPublisher;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.security.AccessProblems;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.service.query.OwnWrites;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * The closers' roster with each one's open load, capacity and availability; and setting a closer's availability
 * (out of office until, active). A change goes through the compacted topic lead.closer-availability into the
 * routing desk, and the answer comes once the desk has applied it: the next assignment, on any instance, sees it.
 */
@Path("/v1/closers")
@Produces(MediaType.APPLICATION_JSON)
public class CloserResource {

    private static final Logger LOG = Logger.getLogger(CloserResource.class);

    private final DeskAccess desk;
    private final CommandPublisher publisher;
    /** Read per request: a published change applies without a restart. */
    private final LiveRules<RoutingRules> rules;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final CurrentCaller caller;

    public CloserResource(DeskAccess desk, CommandPublisher publisher, LiveRules<RoutingRules> rules, ObjectMapper json, Clock clock,
            RoutingSettings settings, CurrentCaller caller) {
        this.caller = caller;
        this.desk = desk;
        this.publisher = publisher;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
        this.timeout = settings.commandTimeout();
    }

    @GET
    @RolesAllowed({Roles.SALES_OPS, Roles.OPS, Roles.ADMIN})
    @Blocking // the answer is a store read
    public Uni<Response> roster(@Context UriInfo uri, @Context HttpHeaders headers) {
        return desk.read(uri, headers, reader -> {
            Instant now = clock.instant();
            return Response.ok(rules.get().closers().values().stream().map(closer -> view(reader, closer, now)).toList()).build();
        });
    }

    @PUT
    @Path("/{closerId}/availability")
    @RolesAllowed({Roles.CLOSER, Roles.SALES_OPS, Roles.ADMIN}) // and a closer only their own
    @Consumes(MediaType.WILDCARD)
    @Blocking // the change is written to Kafka before the wait for the desk, which holds no thread
    public Uni<Response> setAvailability(@PathParam("closerId") String closerId, String body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        if (!caller.get().mayActFor(closerId)) {
            return Uni.createFrom().item(AccessProblems.forbidden("A closer sets only their own availability"));
        }
        Optional<CloserProfile> closer = rules.get().closer(closerId);
        if (closer.isEmpty()) {
            return Uni.createFrom().item(Problem.response(Response.Status.NOT_FOUND, "No closer " + closerId));
        }
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(Problem.notJson(e));
        }
        if (!request.isObject()) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST,
                    "The body must be a JSON object {\"active\", \"outOfOfficeUntil\"}"));
        }
        JsonNode activeNode = request.path("active");
        if (!activeNode.isMissingNode() && !activeNode.isNull() && !activeNode.isBoolean()) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST, "'active' must be true or false"));
        }
        boolean active = activeNode.isBoolean() ? activeNode.asBoolean() : closer.get().active();
        Instant outOfOfficeUntil = null;
        JsonNode awayNode = request.path("outOfOfficeUntil");
        if (!awayNode.isMissingNode() && !awayNode.isNull()) {
            try {
                outOfOfficeUntil = Instant.parse(awayNode.asText());
            } catch (DateTimeParseException e) {
                return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST,
                        "'outOfOfficeUntil' must be an ISO-8601 instant such as 2026-12-01T09:00:00Z, got '" + awayNode.asText() + "'"));
            }
        }
        Instant away = outOfOfficeUntil;
        return desk.serve("PUT", uri, headers, body, reader -> apply(closer.get(), active, away));
    }

    private Uni<Response> apply(CloserProfile closer, boolean active, Instant outOfOfficeUntil) {
        Instant changedAt = clock.instant();
        String changeId = UUID.randomUUID().toString();
        try {
            publisher.publish(CloserAvailabilityChanged.newBuilder()
                    .setChangeId(changeId)
                    .setCloserId(closer.id())
                    .setActive(active)
                    .setOutOfOfficeUntil(outOfOfficeUntil)
                    .setChangedAt(changedAt)
                    .build());
        } catch (RuntimeException e) {
            LOG.warnf("Could not write the availability of %s: %s", closer.id(), e.getMessage());
            return Uni.createFrom().item(Problem.retryLater("Kafka did not take the change; retry"));
        }
        return OwnWrites.awaitVisible(() -> applied(closer, changeId, changedAt), timeout, CloserResource::notAppliedYet);
    }

    /** The closer as the desk sees it once it has applied the change (or a later one); empty while it has not. */
    private Optional<Response> applied(CloserProfile closer, String changeId, Instant changedAt) {
        Optional<DeskReader> reader = desk.local();
        if (reader.isEmpty()) {
            return Optional.of(notAppliedYet()); // the desk moved while we waited
        }
        return reader.get().availability(closer.id())
                .filter(a -> a.changeId().equals(changeId) || a.changedAt().isAfter(changedAt))
                .map(applied -> Response.ok(view(reader.get(), closer, clock.instant())).build());
    }

    private static Response notAppliedYet() {
        return Problem.retryLater("The change is written but the routing desk has not applied it yet; it will, retry to see it");
    }

    private CloserView view(DeskReader reader, CloserProfile closer, Instant now) {
        List<String> pools = rules.get().pools().values().stream().filter(pool -> pool.members().contains(closer.id())).map(pool -> pool.id()).toList();
        return CloserView.of(closer, reader.availability(closer.id()), reader.openHandoffs(closer.id()), pools, now);
    }
}
