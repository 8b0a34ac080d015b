package io.leadpipeline.service.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.leadpipeline.service.FieldViolation;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code /v1/rules/{ruleSet}} on the service that owns the rule set (capture, scoring on qualification, routing,
 * nurture): the current version with its history, and publishing a new one. A document that does not validate is
 * refused with 422 naming each problem's line and path, and nothing changes. The version is the rule set's ETag: a
 * publication with {@code If-Match} is refused with 412 when someone published another version since, so an edit made
 * on an older version never silently undoes theirs.
 */
@Path("/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    /** How long a publication waits to see itself applied here before answering 202. */
    static final Duration APPLY_TIMEOUT = Duration.ofSeconds(10);

    private final RulesTopic topic;
    private final SecurityIdentity caller;

    RulesResource(RulesTopic topic, SecurityIdentity caller) {
        this.topic = topic;
        this.caller = caller;
    }

    /** One rule set's current version, as the list shows it. */
    public record Summary(String ruleSet, String file, String version, String author, Instant publishedAt, List<String> editors) {
    }

    /** One rule set: its current version, the document, what changed from the one before, and the earlier versions. */
    public record View(String ruleSet, String file, String version, String author, Instant publishedAt, List<String> changes,
            List<String> editors, String document, List<LiveRules.HistoryEntry> history) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING_OPS, Roles.SALES_OPS, Roles.OPS})
    public List<Summary> list() {
        return topic.ruleSets().stream().sorted(Comparator.comparing(live -> live.ruleSet().name())).map(live -> {
            LiveRules.Version<?> v = live.current();
            return new Summary(live.ruleSet().name(), live.ruleSet().fileName(), v.version(), v.author(), v.publishedAt(),
                    editors(live.ruleSet()));
        }).toList();
    }

    @GET
    @Path("{ruleSet}")
    @RolesAllowed({Roles.ADMIN, Roles.MARKETING_OPS, Roles.SALES_OPS, Roles.OPS})
    public Response get(@PathParam("ruleSet") String name) {
        return topic.ruleSet(name).map(live -> {
            LiveRules.Version<?> v = live.current();
            return Response.ok(new View(name, live.ruleSet().fileName(), v.version(), v.author(), v.publishedAt(), v.changes(),
                    editors(live.ruleSet()), v.document(), v.history())).tag(new EntityTag(v.version())).build();
        }).orElseGet(() -> notHere(name));
    }

    /**
     * Validates the body (YAML, or JSON, which is YAML too) and publishes it as the next version; {@code dryRun=true}
     * only validates and says what would change. 200 once this instance applies it, 202 when that takes longer than
     * {@link #APPLY_TIMEOUT}, 422 with every problem when it does not validate, 412 when {@code If-Match} names another
     * version than the one this instance has applied (a publication to another instance in the same moment can still
     * pass both checks: the rules topic has no compare-and-set).
     */
    @PUT
    @Path("{ruleSet}")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Authenticated
    @Blocking
    public Uni<Response> put(@PathParam("ruleSet") String name, @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context Request request, byte[] document) {
        var found = topic.ruleSet(name);
        if (found.isEmpty()) {
            return Uni.createFrom().item(notHere(name));
        }
        LiveRules<?> live = found.get();
        if (!mayEdit(live.ruleSet())) {
            return Uni.createFrom().item(Problem.response(Response.Status.FORBIDDEN,
                    "Changing the " + name + " rules takes one of the roles " + editors(live.ruleSet())));
        }
        String current = live.current().version();
        if (ifMatch != null && request.evaluatePreconditions(new EntityTag(current)) != null) {
            return Uni.createFrom().item(Problem.response(Response.Status.PRECONDITION_FAILED, "The " + name + " rules are at "
                    + current + " now, not at the version this change was made on: someone published since. Nothing was published; "
                    + "read the rules again (GET /v1/rules/" + name + ") and make the change on that version"));
        }
        try {
            return Uni.createFrom().completionStage(topic.publish(live, document == null ? new byte[0] : document,
                            caller.getPrincipal().getName(), dryRun, APPLY_TIMEOUT))
                    .map(published -> Response.status(published.changed() && !dryRun && !published.appliedHere()
                            ? Response.Status.ACCEPTED : Response.Status.OK).entity(published)
                            .tag(new EntityTag(dryRun ? current : published.version())).build())
                    .onFailure().recoverWithItem(error -> Problem.retryLater(
                            "The rules could not be published to Kafka just now; nothing changed. Try again."));
        } catch (InvalidRulesException invalid) {
            return Uni.createFrom().item(invalid(name + " rules", invalid, "nothing was published"));
        }
    }

    /** 422 problem+json naming each problem of a rules document by path, with its line in the message. */
    public static Response invalid(String what, InvalidRulesException invalid, String consequence) {
        return Problem.response(422, "Invalid rules", what + " are not valid (" + invalid.problems().size() + " problem"
                        + (invalid.problems().size() == 1 ? "" : "s") + "); " + consequence,
                invalid.problems().stream().map(problem -> new FieldViolation(problem.path(),
                        (problem.line() > 0 ? "line " + problem.line() + ": " : "") + problem.message())).toList());
    }

    private boolean mayEdit(RuleSet<?> ruleSet) {
        return editors(ruleSet).stream().anyMatch(caller::hasRole);
    }

    private static List<String> editors(RuleSet<?> ruleSet) {
        return Stream.concat(Stream.of(Roles.ADMIN), ruleSet.editorRoles().stream())
                .distinct().toList();
    }

    private static Response notHere(String name) {
        return Problem.response(Response.Status.NOT_FOUND, "This service has no rule set '" + echoed(name)
                + "': capture-service has capture, qualification-service scoring, routing-service routing, nurture-service nurture");
    }

    /** A path segment echoed back: only letters, digits, - and _, and short, as the name may be anything a caller typed. */
    private static String echoed(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
    }
}
