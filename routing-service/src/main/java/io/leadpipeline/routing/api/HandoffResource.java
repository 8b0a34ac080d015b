package io.leadpipeline.routing.api;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.HandoffResponse;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.routing.domain.Caller;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.security.AccessProblems;
import io.leadpipeline.service.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** A handoff's state, and the closer's answer to it: accept, or reject with a reason (which recycles the lead to marketing). */
@Path("/v1/handoffs/{handoffId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLOSER, Roles.SALES_OPS, Roles.ADMIN}) // and a closer only their own: see Caller
public class HandoffResource {

    static final int MAX_NOTE_LENGTH = 2000;

    private final DeskAccess desk;
    private final HandoffCommands commands;
    /** Read per request: a published change applies without a restart. */
    private final LiveRules<RoutingRules> rules;
    private final ObjectMapper json;
    private final CurrentCaller caller;

    public HandoffResource(DeskAccess desk, HandoffCommands commands, LiveRules<RoutingRules> rules, ObjectMapper json, CurrentCaller caller) {
        this.desk = desk;
        this.commands = commands;
        this.rules = rules;
        this.json = json;
        this.caller = caller;
    }

    /** 403 for another closer's handoff (an unknown id is 404 first: handoff ids are random, so that tells a closer nothing). */
    static Response notYours() {
        return AccessProblems.forbidden("This handoff is assigned to another closer");
    }

    @GET
    @Blocking // the answer is a store read
    public Uni<Response> get(@PathParam("handoffId") String handoffId, @Context UriInfo uri, @Context HttpHeaders headers) {
        Caller asking = caller.get();
        return desk.read(uri, headers, reader -> reader.handoff(handoffId)
                .map(handoff -> asking.mayActFor(handoff.closerId())
                        ? Response.ok(HandoffView.of(handoff, rules.get().closer(handoff.closerId()).orElse(null))).build()
                        : notYours())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "No handoff " + handoffId)));
    }

    @POST
    @Path("/accept")
    @Blocking // the answer is written to Kafka before the wait for the desk, which holds no thread
    public Uni<Response> accept(@PathParam("handoffId") String handoffId, @Context UriInfo uri, @Context HttpHeaders headers) {
        Caller asking = caller.get();
        return desk.serve("POST", uri, headers, null, reader -> commands.answer(reader, asking, handoffId, HandoffResponse.ACCEPT, null, null));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.WILDCARD)
    @Blocking // as accept
    public Uni<Response> reject(@PathParam("handoffId") String handoffId, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(Problem.notJson(e));
        }
        if (request == null || !request.isObject() || !request.path("reason").isTextual()) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST,
                    "'reason' is required, one of " + List.of(HandoffRejectionReason.values())));
        }
        HandoffRejectionReason reason;
        try {
            reason = HandoffRejectionReason.valueOf(request.get("reason").asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST,
                    "'reason' must be one of " + List.of(HandoffRejectionReason.values()) + ", got '" + request.get("reason").asText() + "'"));
        }
        JsonNode noteNode = request.path("note");
        if (!noteNode.isMissingNode() && !noteNode.isNull() && !noteNode.isTextual()) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST, "'note' must be a string"));
        }
        String note = noteNode.isTextual() && !noteNode.asText().isBlank() ? noteNode.asText().trim() : null;
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            return Uni.createFrom().item(Problem.response(Response.Status.BAD_REQUEST,
                    "'note' is longer than " + MAX_NOTE_LENGTH + " characters"));
        }
        Caller asking = caller.get();
        return desk.serve("POST", uri, headers, body, reader -> commands.answer(reader, asking, handoffId, HandoffResponse.REJECT, reason, note));
    }
}
