package io.leadpipeline.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a benchmark run down as Markdown (figures, targets met or missed, machine, date, JDK, the exact command) with
 * its charts beside it. Text below {@link #KEPT_BELOW} in an existing report is kept: that is where people write what
 * they read in the figures.
 */
final class BenchmarkReport {

    /** The line after which an existing report's hand-written text survives a new run. */
    static final String KEPT_BELOW = "<!-- Written by hand below this line; ./pipeline bench keeps it. -->";

    // Issue 13's targets (2 cores, everything on one box, exactly-once on).
    static final double CAPTURE_SHARE_OF_CEILING = 0.70;
    static final double CAPTURE_WITH_PIPELINE_PER_SECOND = 10_000;
    static final double SPEED_P99_AT_1000_MILLIS = 500;
    static final double SPEED_P99_AT_100_MILLIS = 250;
    static final double DEEP_QUEUE_DECISIONS_PER_SECOND = 2_000;
    static final int DEEP_QUEUE_DEPTH = 100_000;
    static final double BACKLOG_QUALIFICATION_PER_SECOND = 5_000;
    static final double SERVICE_RSS_MIB = 300;

    /** A target and what the run measured for it. */
    record Target(String target, String measured, String result) {
    }

    private BenchmarkReport() {
    }

    /** Writes {@code report} and the charts into {@code chartDir} (linked relative to the report). */
    static Path write(Benchmark.Results results, Path report, Path chartDir, String command) throws IOException {
        List<String> charts = BenchCharts.write(results, chartDir);
        String kept = Files.exists(report) ? keptText(Files.readString(report)) : "";
        Path relative = report.toAbsolutePath().getParent().relativize(chartDir.toAbsolutePath());
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, markdown(results, command, relative.toString().replace('\\', '/'), charts) + "\n" + KEPT_BELOW + "\n" + kept);
        return report;
    }

    private static void backlogTable(StringBuilder md, Benchmark.Backlog b) {
        md.append("| service | output | written / expected | events/s | first record | all written |\n|---|---|---|---|---|---|\n");
        for (Benchmark.TopicDrain t : b.topics()) {
            md.append(fmt("| %s | `%s` | %,d / %,d | %,.0f | %.1f s | %s |%n", t.service(), t.topic(), t.seen(), t.expected(),
                    t.perSecond(), t.firstSeconds(), Double.isNaN(t.doneSeconds())
                            ? fmt("not within %d min (rate of what it wrote)", Benchmark.PROCESSING_LIMIT.toMinutes())
                            : fmt("%.1f s", t.doneSeconds())));
        }
    }

    private static String keptText(String existing) {
        int at = existing.indexOf(KEPT_BELOW);
        return at < 0 ? "" : existing.substring(at + KEPT_BELOW.length()).replaceFirst("^\\n", "");
    }

    static String markdown(Benchmark.Results r, String command, String chartPath, List<String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `").append(command).append("` (system-tests `BenchmarkIT`); every figure below is measured in that run, none edited.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(r.started().atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC |\n");
        md.append("| machine | ").append(machine()).append(" |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.vendor")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(" (harness, broker, registry and services alike; JVM defaults, `-Xmx256m` per service as `./pipeline up`) |\n");
        md.append("| command | `").append(command).append("` |\n");
        md.append("| settings | ").append(r.settings().describe()).append(" |\n");
        md.append("| whole run | ").append(fmt("%.0f s", r.took().toMillis() / 1e3)).append(" |\n\n");
        md.append("Everything runs on this one machine: Kafka (KRaft, one node), Apicurio Registry, the services and the benchmark's own "
                + "JVM, which is the load generator (Vert.x HTTP client, " + r.settings().loadThreads() + " event loops) and the "
                + "read_committed consumers. The load generator competes with what it measures for the same cores; section 5 shows "
                + "how much CPU it took. Exactly-once is on as shipped. The services read the shipped `config/` except that every "
                + "closer is on duty around the clock (so a run does not depend on the hour) with the capacity given below, and "
                + "capture's per-API-key limit (10,000/s) is lifted so the limiter is not what is measured.\n\n");

        md.append("## Targets\n\n| target (issue 13) | measured | result |\n|---|---|---|\n");
        for (Target target : targets(r)) {
            md.append("| ").append(target.target()).append(" | ").append(target.measured()).append(" | ").append(target.result()).append(" |\n");
        }

        md.append("\n## 1. Capture throughput and its ceilings\n\n");
        md.append("Closed loop: each connection posts its next request as soon as it has an answer. Capture's requests are JSON "
                + "conversions of a campaign mix (4 in 10 sales-ready demo requests, 5 students downloading an ebook, 1 competitor) "
                + "from a website's server (API key); a 202 means the broker has the record (acks=all). Rates are per second, "
                + "averaged over the run's seconds without the first and the last.\n\n");
        md.append("| run | connections | per second | answers | p50 | p99 | max |\n|---|---|---|---|---|---|---|\n");
        for (Benchmark.HttpRun run : runs(r)) {
            BenchTimeline.Summary s = run.timeline().summary();
            md.append(fmt("| %s | %d | %,.0f | %s | %.1f ms | %.1f ms | %.1f ms |%n", run.name(), run.connections(),
                    run.timeline().sustainedPerSecond(), run.load().byStatus(), s.p50(), s.p99(), s.max()));
        }
        if (r.producer() != null) {
            var p = r.producer();
            md.append(fmt("| Kafka ProducerPerformance (%,d records of %d bytes; %s) | — | %,.0f | %,d sent, %.1f MB/s | %.0f ms | %.0f ms | %.0f ms |%n",
                    p.records(), ProducerCeiling.RECORD_BYTES, ProducerCeiling.PRODUCER_SETTINGS, p.recordsPerSecond(), p.records(),
                    p.megabytesPerSecond(), p.p50Millis(), p.p99Millis(), p.maxLatencyMillis()));
        }
        ceilingRatio(r).ifPresent(ratio -> md.append(fmt("%nCapture alone reaches **%.0f%%** of the lower ceiling (%s).%n", ratio[0] * 100,
                ratio[1] == 0 ? "the no-op endpoint" : "ProducerPerformance")));

        md.append("\n## 2. Speed-to-lead\n\n");
        md.append("Sales-ready leads (a VP of Sales at a 500-person US company asking for a demo: SQL on the fast track) posted at "
                + "a fixed rate, open loop. Each lead's latency runs from capture's 202 at the client to the moment a read_committed "
                + "consumer (as a CRM would be) receives its `LeadHandedOff` on `lead.handoffs`, matched by lead id; not the record's "
                + "own timestamp, which is written before the transaction commits.\n\n");
        md.append("| offered rate | leads sent | 202 | handed off | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|\n");
        for (Benchmark.SpeedRun run : r.speed()) {
            BenchTimeline.Summary s = run.timeline().summary();
            md.append(fmt("| %,d/s | %,d | %,d | %,d | %s | %s | %s | %s |%n", run.ratePerSecond(), run.sent(),
                    run.accepted(), run.handedOff(), ms(s.p50()), ms(s.p95()), ms(s.p99()), ms(s.max())));
        }

        md.append("\n## 3. Routing under a deep queue\n\n");
        if (r.deepQueue() == null) {
            md.append("Not run.\n");
        } else {
            var q = r.deepQueue();
            md.append(fmt("A pipeline of its own with routing alone; every closer on duty with capacity %,d (%,d in the pool the leads "
                    + "match). %,d SQL decisions written straight to `lead.decisions` in %.1f s (as qualification writes them); "
                    + "nobody answers, so closers fill up and the rest wait. A decision counts as taken once it is handed off or "
                    + "waiting in a pool's queue (`GET /v1/pools`).%n%n", q.closerCapacityEach(), q.closerCapacityEach() * 3L,
                    q.decisions(), q.writeSeconds()));
            md.append("| phase | figure |\n|---|---|\n");
            String lastQuarter = Double.isNaN(q.lastQuarterPerSecond())
                    ? fmt("the last quarter (%,d+ waiting) not reached within %d min", (long) (q.decisions() * 0.75) - q.handedOffBeforeDrain(),
                            Benchmark.PROCESSING_LIMIT.toMinutes())
                    : fmt("%,.0f decisions/s over the last quarter (%,d+ waiting)", q.lastQuarterPerSecond(),
                            (long) (q.decisions() * 0.75) - q.handedOffBeforeDrain());
            md.append(fmt("| queue growing | %,d of %,d decisions taken; **%,.0f decisions/s** from the first taken to the last; %s; at most %,d waiting |%n",
                    q.processed(), q.decisions(), q.decisionsPerSecond(), lastQuarter, q.maxWaiting()));
            md.append(fmt("| closers accept | every handoff accepted through `POST /v1/handoffs/{id}/accept` as it arrives (at most 512 at once): %,d more handed off in %.1f s, **%,.0f handoffs/s**; %,d accepts answered 200, %,d not |%n",
                    q.drained(), q.drainSeconds(), q.handoffsPerSecond(), q.accepted(), q.refused()));
        }

        md.append("\n## 4. Backlog drain\n\n");
        if (r.backlog() == null) {
            md.append("Not run.\n");
        } else {
            var b = r.backlog();
            md.append(fmt("%,d conversions of the campaign mix written onto `lead.conversions` (in %.1f s, shaped as capture writes them) "
                    + "before qualification, routing and nurture started (side by side; all ready %.1f s after launch). Per service: "
                    + "its output records per second from its first to its last, and when its last was written.%n%n",
                    b.conversions(), b.preloadSeconds(), b.servicesReadySeconds()));
            backlogTable(md, b);
        }
        if (r.scaledOut() != null) {
            var b = r.scaledOut();
            md.append(fmt("%n**One instance against two.** The same backlog on a pipeline of its own, with %s (routing once: its desk "
                    + "is one task); exactly-once as before. `lead.conversions` has 3 partitions, so the instances split them 2 and 1. "
                    + "All ready %.1f s after launch.%n%n", Benchmark.instancesLabel(b.instances()), b.servicesReadySeconds()));
            backlogTable(md, b);
            if (r.backlog() != null) {
                md.append("\n| service | one instance | " + b.instances() + " instances | ratio |\n|---|---|---|---|\n");
                for (Benchmark.TopicDrain one : r.backlog().topics()) {
                    b.topics().stream().filter(t -> t.topic().equals(one.topic())).findFirst().ifPresent(two -> md.append(fmt(
                            "| %s | %,.0f events/s | %,.0f events/s | ×%.2f |%n", one.service(), one.perSecond(), two.perSecond(),
                            two.perSecond() / one.perSecond())));
                }
            }
        }

        md.append("\n## 5. Footprint\n\n");
        md.append("Sampled once a second from `/proc/<pid>/status` (VmRSS) and `/proc/<pid>/stat` (utime + stime) during each "
                + "phase. CPU: 100% is one core; mean over the phase / highest one-second value.\n\n");
        if (r.footprint().isEmpty()) {
            md.append("No samples (not Linux).\n");
        }
        for (var phase : r.footprint().entrySet()) {
            md.append("**").append(phase.getKey()).append("**\n\n| process | max RSS | CPU mean / max |\n|---|---|---|\n");
            for (var process : phase.getValue().entrySet()) {
                var u = process.getValue();
                md.append(fmt("| %s | %.0f MiB | %.0f%% / %.0f%% |%n", process.getKey(), u.maxRssMiB(), u.meanCpuPercent(), u.maxCpuPercent()));
            }
            md.append('\n');
        }
        if (!r.startup().isEmpty()) {
            md.append("Start-up, from launching the JVM to `/q/health/ready` answering 200 (services started side by side share the cores):\n\n");
            md.append("| service | start-up |\n|---|---|\n");
            r.startup().forEach((service, took) -> md.append(fmt("| %s | %.1f s |%n", service, took.toMillis() / 1e3)));
        }

        if (!charts.isEmpty()) {
            md.append("\n## Charts\n\n");
            for (String chart : charts) {
                md.append("![").append(chart.replace(".png", "").replace('-', ' ')).append("](").append(chartPath).append('/').append(chart).append(")\n\n");
            }
        }
        if (!r.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            r.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    static List<Target> targets(Benchmark.Results r) {
        List<Target> targets = new ArrayList<>();
        Optional<double[]> ratio = ceilingRatio(r);
        targets.add(ratio.map(x -> new Target("capture alone ≥ 70% of the lower ceiling", fmt("%.0f%% (%,.0f/s of %,.0f/s)", x[0] * 100,
                r.captureAlone().timeline().sustainedPerSecond(), x[2]), atLeast(x[0] * 100, CAPTURE_SHARE_OF_CEILING * 100, "points")))
                .orElse(new Target("capture alone ≥ 70% of the lower ceiling", "not run", "—")));
        targets.add(r.captureWithPipeline() == null ? new Target("capture ≥ 10,000 accepted/s, whole pipeline running", "not run", "—")
                : new Target("capture ≥ 10,000 accepted/s, whole pipeline running", fmt("%,.0f/s", r.captureWithPipeline().timeline().sustainedPerSecond()),
                        atLeast(r.captureWithPipeline().timeline().sustainedPerSecond(), CAPTURE_WITH_PIPELINE_PER_SECOND, "/s")));
        targets.add(speedTarget(r, 1000, SPEED_P99_AT_1000_MILLIS));
        targets.add(speedTarget(r, 100, SPEED_P99_AT_100_MILLIS));
        if (r.deepQueue() == null) {
            targets.add(new Target("routing ≥ 2,000 SQL decisions/s with 100,000 waiting", "not run", "—"));
        } else {
            var q = r.deepQueue();
            String depth = q.decisions() >= DEEP_QUEUE_DEPTH ? "" : fmt(" (only %,d decisions in this run: not the target's depth)", q.decisions());
            boolean deep = !Double.isNaN(q.lastQuarterPerSecond());
            double rate = deep ? q.lastQuarterPerSecond() : q.decisionsPerSecond();
            targets.add(new Target("routing ≥ 2,000 SQL decisions/s with 100,000 waiting", deep
                    ? fmt("%,.0f/s over the last quarter, %,.0f/s overall%s", q.lastQuarterPerSecond(), q.decisionsPerSecond(), depth)
                    : fmt("%,.0f/s overall; %,d of %,d taken within %d min, %,d waiting at most", q.decisionsPerSecond(), q.processed(),
                            q.decisions(), Benchmark.PROCESSING_LIMIT.toMinutes(), q.maxWaiting()),
                    atLeast(rate, DEEP_QUEUE_DECISIONS_PER_SECOND, "/s")));
        }
        Optional<Benchmark.TopicDrain> qualification = r.backlog() == null ? Optional.empty()
                : r.backlog().topics().stream().filter(t -> t.service().equals(Benchmark.QUALIFICATION)).findFirst();
        targets.add(qualification.map(t -> new Target("backlog drain ≥ 5,000 events/s for qualification", fmt("%,.0f decisions/s", t.perSecond()),
                atLeast(t.perSecond(), BACKLOG_QUALIFICATION_PER_SECOND, "/s"))).orElse(new Target("backlog drain ≥ 5,000 events/s for qualification", "not run", "—")));
        for (String service : RunningPipeline.SERVICES) {
            double max = r.footprint().values().stream().map(phase -> phase.get(service)).filter(u -> u != null)
                    .mapToDouble(ProcessFootprint.Usage::maxRssMiB).max().orElse(Double.NaN);
            targets.add(Double.isNaN(max) ? new Target(service + " ≤ 300 MB RSS under load", "not sampled", "—")
                    : new Target(service + " ≤ 300 MB RSS under load", fmt("%.0f MiB at most", max), atMost(max, SERVICE_RSS_MIB, "MiB")));
        }
        return targets;
    }

    private static Target speedTarget(Benchmark.Results r, int rate, double limit) {
        String name = fmt("speed-to-lead p99 < %.0f ms at %,d leads/s", limit, rate);
        return r.speed().stream().filter(run -> run.ratePerSecond() == rate).findFirst()
                .map(run -> {
                    double p99 = run.timeline().summary().p99();
                    if (run.handedOff() == 0) {
                        return new Target(name, fmt("none of %,d handed off within the wait", run.accepted()), "**missed**");
                    }
                    String lost = run.handedOff() < run.accepted() ? fmt(" (%,d of %,d not handed off within the wait)", run.accepted() - run.handedOff(), run.accepted()) : "";
                    return new Target(name, fmt("p99 %.0f ms%s", p99, lost), p99 < limit && lost.isEmpty() ? fmt("met (%.0f ms under)", limit - p99)
                            : fmt("**missed** by %.0f ms (%.1f×)", p99 - limit, p99 / limit));
                })
                .orElse(new Target(name, "not run", "—"));
    }

    /** Capture alone's share of the lower ceiling: {share, 0 = no-op endpoint | 1 = ProducerPerformance, the ceiling's rate}. */
    private static Optional<double[]> ceilingRatio(Benchmark.Results r) {
        if (r.captureAlone() == null || r.noop() == null || r.producer() == null) {
            return Optional.empty();
        }
        double noop = r.noop().timeline().sustainedPerSecond();
        double producer = r.producer().recordsPerSecond();
        double lower = Math.min(noop, producer);
        return Optional.of(new double[] {r.captureAlone().timeline().sustainedPerSecond() / lower, noop <= producer ? 0 : 1, lower});
    }

    private static String atLeast(double measured, double target, String unit) {
        return measured >= target ? fmt("met (+%,.0f %s)", measured - target, unit) : fmt("**missed** by %,.0f %s (%.0f%% of the target)",
                target - measured, unit, measured / target * 100);
    }

    private static String atMost(double measured, double target, String unit) {
        return measured <= target ? fmt("met (%,.0f %s under)", target - measured, unit) : fmt("**missed** by %,.0f %s", measured - target, unit);
    }

    private static List<Benchmark.HttpRun> runs(Benchmark.Results r) {
        List<Benchmark.HttpRun> runs = new ArrayList<>();
        for (Benchmark.HttpRun run : new Benchmark.HttpRun[] {r.noop(), r.captureAlone(), r.captureWithPipeline()}) {
            if (run != null) {
                runs.add(run);
            }
        }
        return runs;
    }

    /** nproc, RAM and CPU model, from the JVM and /proc. */
    static String machine() {
        String cpu = "unknown CPU";
        String memory = "unknown RAM";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> fmt("%.1f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse(memory);
        } catch (IOException e) {
            // not Linux: say what the JVM knows
        }
        return fmt("%d cores (nproc), %s, %s, %s %s", Runtime.getRuntime().availableProcessors(), memory, cpu,
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /** Milliseconds, or a dash where nothing was measured. */
    private static String ms(double millis) {
        return Double.isNaN(millis) ? "—" : fmt("%,.0f ms", millis);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** The figures a run must have produced, by name: for the smoke test. */
    static Map<String, Double> figures(Benchmark.Results r) {
        Map<String, Double> figures = new java.util.LinkedHashMap<>();
        figures.put("no-op endpoint req/s", r.noop().timeline().sustainedPerSecond());
        figures.put("ProducerPerformance records/s", r.producer().recordsPerSecond());
        figures.put("capture (whole pipeline) accepted/s", r.captureWithPipeline().timeline().sustainedPerSecond());
        figures.put("capture (whole pipeline) p99 ms", r.captureWithPipeline().timeline().summary().p99());
        for (Benchmark.SpeedRun run : r.speed()) {
            figures.put("speed-to-lead " + run.ratePerSecond() + "/s p99 ms", run.timeline().summary().p99());
        }
        if (r.deepQueue() != null) {
            figures.put("deep queue decisions/s", r.deepQueue().decisionsPerSecond());
            figures.put("deep queue handoffs/s while draining", r.deepQueue().handoffsPerSecond());
        }
        return figures;
    }
}
