package io.leadpipeline.qualification.api;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.qualification.config.ScoringRuleSet;
import io.leadpipeline.qualification.domain.Backtest;
import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.qualification.streams.HistoryReplay;
import io.leadpipeline.service.KafkaClientSettings;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.rules.InvalidRulesException;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.rules.RulesResource;
import io.leadpipeline.service.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /v1/scoring/backtest}: a candidate scoring document (YAML) replayed with the live one over the retained
 * history of conversions, engagements, handoff outcomes and nurture enrollments, side by side; nothing is written or
 * published. An invalid candidate is refused with 422 naming each problem's line and path. One backtest runs at a time.
 */
@Path("/v1/scoring/backtest")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MARKETING_OPS})
public class ScoringBacktestResource {

    static final int MAX_CHANGED_LISTED = 1_000;
    private static final Logger LOG = Logger.getLogger(ScoringBacktestResource.class);

    private final LiveRules<Qualification> live;
    private final HistoryReplay replay;
    private final Semaphore oneAtATime = new Semaphore(1);

    ScoringBacktestResource(LiveRules<Qualification> live, KafkaClientSettings kafka,
            @ConfigProperty(name = "apicurio.registry.url") String registryUrl) {
        this.live = live;
        this.replay = new HistoryReplay(kafka.connection(), new RegistryEventSerdes(registryUrl));
    }

    /** The report, with what was read and how long it took. */
    public record Answer(long recordsRead, long recordsSkipped, long millis, Backtest.Report report) {
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Blocking
    public Response backtest(@QueryParam("changedLeads") @DefaultValue("100") int changedLeads, byte[] candidateDocument) {
        if (changedLeads < 0 || changedLeads > MAX_CHANGED_LISTED) {
            return Problem.response(Response.Status.BAD_REQUEST, "changedLeads must be from 0 to " + MAX_CHANGED_LISTED);
        }
        Qualification candidate;
        try {
            candidate = new Qualification(ScoringRuleSet.rules(candidateDocument == null ? new byte[0] : candidateDocument, "candidate"));
        } catch (InvalidRulesException invalid) {
            return RulesResource.invalid("The candidate scoring rules", invalid, "nothing was replayed");
        }
        if (!oneAtATime.tryAcquire()) {
            return Problem.retryLater("Another backtest is running on this instance; try again when it has answered.");
        }
        try {
            long started = System.nanoTime();
            Backtest backtest = new Backtest(live.get(), candidate, changedLeads);
            Instant now = Instant.now();
            HistoryReplay.Counts counts = replay.replay(backtest::feed, () -> backtest.settle(now));
            Backtest.Report report = backtest.report(now);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            LOG.infof("Backtest of %s against %s: %d records, %d leads, %d changed, %d ms", report.candidateVersion(),
                    report.currentVersion(), counts.records(), report.leads(), report.changedLeads(), millis);
            return Response.ok(new Answer(counts.records(), counts.skipped(), millis, report)).build();
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.warnf("Backtest could not read the history (%s)", e.getClass().getSimpleName());
            return Problem.retryLater("The history could not be read from Kafka just now; try again.");
        } finally {
            oneAtATime.release();
        }
    }
}
