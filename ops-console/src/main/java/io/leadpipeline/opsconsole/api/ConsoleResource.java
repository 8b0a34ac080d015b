package io.leadpipeline.opsconsole.api;

import java.time.Duration;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.leadpipeline.opsconsole.config.ConsoleSettings;
import io.leadpipeline.opsconsole.domain.FunnelReport;
import io.leadpipeline.opsconsole.domain.LeadJourney;
import io.leadpipeline.opsconsole.domain.LeadLookup;
import io.leadpipeline.opsconsole.domain.OpsView;
import io.leadpipeline.opsconsole.domain.Window;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The JSON behind the page, and the live stream that keeps it current: for role ops or admin only. */
@Path("/api")
@RolesAllowed({Roles.OPS, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private final Snapshots snapshots;
    private final OpsView view;
    private final Duration streamInterval;

    ConsoleResource(Snapshots snapshots, OpsView view, ConsoleSettings settings) {
        this.snapshots = snapshots;
        this.view = view;
        this.streamInterval = settings.streamInterval();
    }

    /** Who is signed in: the page asks at start to choose between the sign-in form and the dashboard. */
    @GET
    @Path("session")
    public SessionResource.Session session(@Context SecurityContext security) {
        return SessionResource.Session.of((JsonWebToken) security.getUserPrincipal());
    }

    @GET
    @Path("funnel")
    public FunnelReport funnel(@QueryParam("window") String window) {
        return snapshots.funnel(Snapshots.window(window));
    }

    @GET
    @Path("health")
    public Snapshots.Health health(@QueryParam("window") String window) {
        return snapshots.health(Snapshots.window(window));
    }

    @GET
    @Path("closers")
    public Snapshots.Closers closers() {
        return snapshots.closers();
    }

    @GET
    @Path("overview")
    public Snapshots.Overview overview(@QueryParam("window") String window) {
        return snapshots.overview(Snapshots.window(window));
    }

    @GET
    @Path("leads/{lead}/timeline")
    public LeadJourney timeline(@PathParam("lead") String lead) {
        String leadId = LeadLookup.leadIdOf(lead).orElseThrow(() -> Problem.exception(Response.Status.BAD_REQUEST,
                "Search by an email address or a lead id (a UUID)"));
        return view.journey(leadId).orElseThrow(() -> Problem.exception(Response.Status.NOT_FOUND,
                "No events about lead " + leadId + " (the console keeps the journeys of the most recently active leads)"));
    }

    /** Server-sent events: the whole overview every {@code ops-console.stream-interval}, first one at once. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Snapshots.Overview> stream(@QueryParam("window") String window) {
        Window chosen = Snapshots.window(window);
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(streamInterval)
                .onOverflow().drop()
                .map(tick -> snapshots.overview(chosen));
    }
}
