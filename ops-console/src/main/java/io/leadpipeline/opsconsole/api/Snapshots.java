package io.leadpipeline.opsconsole.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.leadpipeline.opsconsole.domain.ConsumerGroupLag;
import io.leadpipeline.opsconsole.domain.DeadLetterStats;
import io.leadpipeline.opsconsole.domain.FlowMeter;
import io.leadpipeline.opsconsole.domain.FunnelReport;
import io.leadpipeline.opsconsole.domain.LatencyReport;
import io.leadpipeline.opsconsole.domain.OpsView;
import io.leadpipeline.opsconsole.domain.SalesFloor;
import io.leadpipeline.opsconsole.domain.Window;
import io.leadpipeline.opsconsole.messaging.GroupLagMonitor;
import io.leadpipeline.opsconsole.messaging.PipelineReader;
import io.leadpipeline.opsconsole.messaging.ReaderStatus;
import io.leadpipeline.opsconsole.roster.RoutingRoster;
import io.leadpipeline.service.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Assembles the JSON the page shows from the view, the lag monitor and routing's roster, at the clock's now. */
@ApplicationScoped
public class Snapshots {

    public static final String DEFAULT_WINDOW = "24h";

    private final OpsView view;
    private final PipelineReader reader;
    private final GroupLagMonitor lag;
    private final RoutingRoster roster;
    private final Clock clock;

    Snapshots(OpsView view, PipelineReader reader, GroupLagMonitor lag, RoutingRoster roster, Clock clock) {
        this.view = view;
        this.reader = reader;
        this.lag = lag;
        this.roster = roster;
        this.clock = clock;
    }

    /** The window a query parameter names (default {@value #DEFAULT_WINDOW}), or a 400 problem. */
    public static Window window(String code) {
        String requested = code == null || code.isBlank() ? DEFAULT_WINDOW : code;
        return Window.parse(requested).orElseThrow(() -> Problem.exception(Response.Status.BAD_REQUEST,
                "Unknown window '" + requested + "'; use one of " + Arrays.stream(Window.values())
                        .map(Window::code).collect(Collectors.joining(", "))));
    }

    public FunnelReport funnel(Window window) {
        return view.funnel(window, clock.instant());
    }

    public Health health(Window window) {
        Instant now = clock.instant();
        return new Health(view.flow(now), lag.latest(), view.deadLetters(), view.latency(window, now),
                new Console(reader.status(), view.readStats()));
    }

    public Closers closers() {
        RoutingRoster.RosterStatus rosterStatus = roster.status();
        return new Closers(view.salesFloor(rosterStatus.closers(), clock.instant()),
                new Roster(rosterStatus.url(), rosterStatus.fetchedAt(), rosterStatus.problem()));
    }

    public Overview overview(Window window) {
        return new Overview(clock.instant(), window.code(), funnel(window), health(window), closers());
    }

    /** Everything the page shows, in one object: what the live stream pushes. */
    public record Overview(Instant generatedAt, String window, FunnelReport funnel, Health health, Closers closers) {
    }

    /** Flow per topic, each service's lag, dead letters, capture→handoff latency and the console's own reading. */
    public record Health(List<FlowMeter.TopicRate> topics, List<ConsumerGroupLag> consumerGroups,
            DeadLetterStats.DeadLetterReport deadLetters, LatencyReport latency, Console console) {
    }

    public record Console(ReaderStatus reader, OpsView.ReadStats view) {
    }

    /** The sales floor and where capacity came from ({@code roster.problem} says why it is unknown). */
    public record Closers(List<SalesFloor.CloserLoad> closers, Roster roster) {
    }

    public record Roster(String url, Instant fetchedAt, String problem) {
    }
}
