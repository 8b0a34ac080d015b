package io.leadpipeline.qualification.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.qualification.streams.ReassessRequests;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.query.KeyOwners;
import io.leadpipeline.service.query.OwnerForwarder;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/scoring/reassess[?dryRun=true]}: after a scoring change, every lead on every instance scored under
 * the live rules; those whose stage changes are moved (one decision each on lead.decisions), sales-qualified leads are
 * left alone. The dry run only counts, by move; the real run counts, then asks every instance's stream tasks to move
 * them (202). The instance asked answers for all: it counts its own leads and asks the others (marked as forwarded,
 * so they answer for themselves only).
 */
@Path("/v1/scoring/reassess")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MARKETING_OPS})
public class ScoringReassessResource {

    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final LiveRules<Qualification> live;
    private final KafkaStreams streams;
    private final KeyOwners owners;
    private final OwnerForwarder forwarder;
    private final ReassessRequests requests;

    ScoringReassessResource(LiveRules<Qualification> live, KafkaStreams streams, OwnerForwarder forwarder, ReassessRequests requests) {
        this.live = live;
        this.streams = streams;
        this.owners = KeyOwners.of(streams);
        this.forwarder = forwarder;
        this.requests = requests;
    }

    /** Leads by move ("MQL -> SQL"), and the sales-qualified ones left alone; complete = every instance answered. */
    public record Counts(Map<String, Long> moves, long leftAlone, long examined) {
    }

    public record Answer(boolean dryRun, String rulesVersion, long leadsToMove, Map<String, Long> moves, long leftAlone, long examined,
            int instances, boolean complete, String next) {
    }

    @POST
    @Blocking
    public Uni<Response> reassess(@QueryParam("dryRun") boolean dryRun, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(OwnerForwarder.FORWARDED_HEADER) String forwarded) {
        Counts here;
        try {
            here = localCounts();
        } catch (InvalidStateStoreException e) {
            return Uni.createFrom().item(Problem.retryLater("Lead profiles are being restored; retry shortly"));
        }
        if (!dryRun) {
            requests.request();
        }
        if (forwarded != null) {
            return Uni.createFrom().item(Response.ok(here).build());
        }
        List<HostInfo> others = owners.otherInstances();
        String path = "/v1/scoring/reassess" + (dryRun ? "?dryRun=true" : "");
        List<Uni<Optional<Counts>>> asked = others.stream().map(host -> forwarder.send(host,
                        new OwnerForwarder.Call("POST", path, null, null, authorization, false), REMOTE_TIMEOUT)
                .map(answer -> answer.filter(remote -> remote.status() == 200).flatMap(ScoringReassessResource::countsIn))).toList();
        Uni<List<Optional<Counts>>> all = asked.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(asked).andFailFast();
        return all.map(answers -> {
            Map<String, Long> moves = new TreeMap<>(here.moves());
            long leftAlone = here.leftAlone();
            long examined = here.examined();
            boolean complete = true;
            for (Optional<Counts> remote : answers) {
                if (remote.isEmpty()) {
                    complete = false;
                    continue;
                }
                remote.get().moves().forEach((move, n) -> moves.merge(move, n, Long::sum));
                leftAlone += remote.get().leftAlone();
                examined += remote.get().examined();
            }
            long toMove = moves.values().stream().mapToLong(Long::longValue).sum();
            String next = dryRun ? "POST without dryRun moves them" : "the decisions follow on lead.decisions within seconds";
            Answer answer = new Answer(dryRun, live.version(), toMove, moves, leftAlone, examined, others.size() + 1, complete, next);
            return Response.status(dryRun ? Response.Status.OK : Response.Status.ACCEPTED).entity(answer).build();
        });
    }

    /** This instance's leads under the live rules, without moving any (a read of its local stores). */
    private Counts localCounts() {
        Qualification rules = live.get();
        Instant now = Instant.now();
        Map<String, Long> moves = new TreeMap<>();
        long leftAlone = 0;
        long examined = 0;
        try (KeyValueIterator<String, LeadProfile> all = streams.store(StoreQueryParameters.fromNameAndType(Stores.LEAD_PROFILES,
                QueryableStoreTypes.<String, LeadProfile>keyValueStore())).all()) {
            while (all.hasNext()) {
                LeadProfile profile = all.next().value;
                examined++;
                if (profile.stage() == LeadStage.SQL) {
                    leftAlone++;
                    continue;
                }
                for (Qualification.Decision decision : rules.reassess(profile, now).decisions()) {
                    moves.merge(profile.stage() + " -> " + decision.stage(), 1L, Long::sum);
                }
            }
        }
        return new Counts(moves, leftAlone, examined);
    }

    private static Optional<Counts> countsIn(OwnerForwarder.Answer answer) {
        try {
            return Optional.of(JSON.readValue(answer.body(), Counts.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
