package io.leadpipeline.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.kafka.TopicProvisioner;
import io.leadpipeline.testkit.EventTopics;
import io.vertx.core.http.HttpMethod;
import io.leadpipeline.service.security.Roles;

/**
 * The benchmark of issue 13: capture's throughput beside its two ceilings (a no-op Quarkus endpoint under the same load
 * generator, Kafka's ProducerPerformance on the same broker), speed-to-lead at fixed rates measured at a read_committed
 * consumer, routing under a deep queue, a backlog drain, and every process's footprint. Measures and returns figures;
 * {@link BenchmarkReport} writes them down. Asserts nothing about time.
 */
final class Benchmark {

    static final String CAPTURE = "capture-service";
    static final String QUALIFICATION = "qualification-service";
    static final String ROUTING = "routing-service";
    static final String NURTURE = "nurture-service";
    static final String CONVERSIONS = "lead.conversions";
    static final String DECISIONS = "lead.decisions";
    static final String HANDOFFS = "lead.handoffs";
    static final String ENROLLMENTS = "lead.nurture-enrollments";

    /** Longest wait for a speed-to-lead run's last handoffs after its last send. */
    private static final Duration SPEED_SETTLE_LIMIT = Duration.ofSeconds(120);
    /** Longest wait for a deep queue to take every decision, and for a backlog to drain. */
    static final Duration PROCESSING_LIMIT = Duration.ofMinutes(4);
    private static final long PRELOAD_CHUNK = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A closed-loop HTTP run: what the load generator got, and the latency of the answers that counted. */
    record HttpRun(String name, int connections, HttpLoad.Result load, BenchTimeline timeline) {

        long counted() {
            return timeline.count();
        }
    }

    /** One speed-to-lead run at a fixed offered rate. */
    record SpeedRun(int ratePerSecond, long sent, long accepted, long handedOff, BenchTimeline timeline) {
    }

    /** Routing with closers at capacity: the queue's growth, then its drain while closers accept. */
    record DeepQueue(int decisions, int closerCapacityEach, double writeSeconds, long processed, double decisionsPerSecond,
            double lastQuarterPerSecond, long maxWaiting, List<double[]> growth, long handedOffBeforeDrain, long drained,
            double drainSeconds, double handoffsPerSecond, List<Long> handoffsPerSecondSeries, long accepted, long refused) {
    }

    /** One output topic of the backlog drain. */
    record TopicDrain(String topic, String service, long expected, long seen, double perSecond, double firstSeconds,
            double doneSeconds, List<Long> perSecondSeries) {
    }

    /**
     * The backlog drain: conversions preloaded, then the downstream services started and timed until every output is
     * written; {@code instances} of qualification and of nurture (routing's desk is one task, so routing runs once).
     */
    record Backlog(int conversions, int instances, double preloadSeconds, double servicesReadySeconds, List<TopicDrain> topics) {
    }

    /** Everything one run measured; a part that did not run is null, with a note saying why. */
    record Results(BenchmarkSettings settings, Instant started, Duration took, HttpRun noop, ProducerCeiling.Result producer,
            HttpRun captureAlone, HttpRun captureWithPipeline, List<SpeedRun> speed, DeepQueue deepQueue, Backlog backlog,
            Backlog scaledOut, Map<String, Map<String, ProcessFootprint.Usage>> footprint, Map<String, Duration> startup, List<String> notes) {
    }

    private final BenchmarkSettings settings;
    private final Path shippedConfig;
    private final Path workDir;
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, ProcessFootprint.Usage>> footprint = new LinkedHashMap<>();
    private final Map<String, Duration> startup = new LinkedHashMap<>();
    private final Consumer<String> log;

    Benchmark(BenchmarkSettings settings, Path shippedConfig, Path workDir, Consumer<String> log) {
        this.settings = settings;
        this.shippedConfig = shippedConfig;
        this.workDir = workDir;
        this.log = log;
    }

    /** The full benchmark: its own pipelines on random ports, started as each part needs. */
    Results runOnOwnPipelines() throws Exception {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        HttpRun noop;
        ProducerCeiling.Result producer;
        HttpRun captureAlone = null;
        HttpRun captureWithPipeline;
        Backlog backlog = null;
        List<SpeedRun> speed;
        Path uncapped = BenchConfig.write(shippedConfig, workDir.resolve("config-uncapped"), BenchmarkSettings.UNCAPPED_CLOSER_CAPACITY);
        log.accept("starting broker, registry and capture alone");
        try (RunningPipeline pipeline = RunningPipeline.start(new RunningPipeline.Options(false, false, serviceFlags(), List.of(CAPTURE), uncapped));
                ProcessFootprint usage = new ProcessFootprint(() -> processIds(pipeline));
                HttpLoad load = new HttpLoad(settings.loadThreads())) {
            usage.phase("ceilings");
            noop = noopCeiling(load, pipeline);
            producer = producerCeiling(pipeline);
            if (settings.captureAlone()) {
                usage.phase("capture alone");
                captureAlone = captureRun(load, pipeline, "capture alone", leadsTag("a"), null);
            }
            // Speed-to-lead runs on an idle pipeline: the backlog drain gets a pipeline of its own, last, as it may not finish.
            pipeline.startServices(RunningPipeline.SERVICES);
            if (captureAlone != null) {
                usage.phase("services catching up with capture alone");
                awaitCaughtUp(pipeline, "the conversions of capture alone");
            }
            speed = new ArrayList<>();
            for (int rate : settings.speedRates()) {
                usage.phase("speed-to-lead " + rate + "/s");
                speed.add(speedRun(load, pipeline, rate, null));
            }
            usage.phase("capture with the whole pipeline");
            captureWithPipeline = captureRun(load, pipeline, "capture, whole pipeline running", leadsTag("p"), null);
            usage.phase(null);
            footprint.putAll(usage.usage());
            pipeline.startupTimes().forEach((service, took) -> startup.put(service, took));
            noteRecordings(pipeline);
        }
        Backlog scaledOut = null;
        if (settings.backlogConversions() > 0) {
            backlog = backlogOnOwnPipeline(uncapped, 1);
            if (settings.scaleOut()) {
                scaledOut = backlogOnOwnPipeline(uncapped, 2);
            } else {
                notes.add("The backlog drain with two instances was not run (bench.scale-out=false).");
            }
        } else {
            notes.add("The backlog drain was not run (bench.backlog=0).");
        }
        DeepQueue deepQueue = settings.deepQueueDecisions() > 0 ? deepQueueOnOwnPipeline() : null;
        if (deepQueue == null) {
            notes.add("Routing under a deep queue was not run (bench.deep-queue=0).");
        }
        return new Results(settings, started, Duration.ofNanos(System.nanoTime() - startNanos), noop, producer, captureAlone,
                captureWithPipeline, speed, deepQueue, backlog, scaledOut, footprint, startup, notes);
    }

    /**
     * The suite's smoke run on a pipeline other tests share: the parts that need no service of their own, with closers
     * answering every handoff of the benchmark's leads so the shared closers end as free as they began; the deep queue
     * on a small pipeline of its own (it fills the closers).
     */
    Results runOnSharedPipeline(RunningPipeline shared) throws Exception {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Set<String> ours = ConcurrentHashMap.newKeySet();
        HttpRun noop;
        ProducerCeiling.Result producer;
        HttpRun captureWithPipeline;
        List<SpeedRun> speed = new ArrayList<>();
        // The smoke checks that every figure comes out, not how good it is: the deep queue's own pipeline starts while
        // the shared pipeline is measured rather than after it (./pipeline bench measures one thing at a time).
        CompletableFuture<RunningPipeline> deepQueuePipeline = settings.deepQueueDecisions() > 0
                ? CompletableFuture.supplyAsync(this::startDeepQueuePipeline) : null;
        try (BenchClosers closers = new BenchClosers(shared.stack(), shared.url(ROUTING, ""), shared.authorization(Roles.SALES_OPS), ours::contains, true, 32);
                ProcessFootprint usage = new ProcessFootprint(() -> processIds(shared));
                HttpLoad load = new HttpLoad(settings.loadThreads())) {
            usage.phase("ceilings");
            noop = noopCeiling(load, shared);
            producer = producerCeiling(shared);
            usage.phase("capture with the whole pipeline");
            captureWithPipeline = captureRun(load, shared, "capture, whole pipeline running", leadsTag("p"), ours);
            for (int rate : settings.speedRates()) {
                usage.phase("speed-to-lead " + rate + "/s");
                speed.add(speedRun(load, shared, rate, ours));
            }
            usage.phase(null);
            awaitAnswered(closers, captureWithPipeline, speed);
            footprint.putAll(usage.usage());
        } catch (Exception | Error e) {
            if (deepQueuePipeline != null) {
                deepQueuePipeline.thenAccept(RunningPipeline::close);
            }
            throw e;
        }
        notes.add("Capture alone and the backlog drain need services started on their own: not part of the smoke run.");
        DeepQueue deepQueue = deepQueuePipeline == null ? null : deepQueueOn(deepQueuePipeline.join());
        return new Results(settings, started, Duration.ofNanos(System.nanoTime() - startNanos), noop, producer, null,
                captureWithPipeline, speed, deepQueue, null, null, footprint, startup, notes);
    }

    /** JVM flags for the services of the benchmark's own pipelines: a flight recording per process when asked for. */
    private List<String> serviceFlags() {
        if (!settings.flightRecordings()) {
            return List.of();
        }
        Path recordings = workDir.resolve("jfr");
        try {
            java.nio.file.Files.createDirectories(recordings);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return List.of("-XX:StartFlightRecording=filename=" + recordings.resolve("%p.jfr") + ",dumponexit=true,settings=default");
    }

    /** Names the flight recordings (one file per process id) after their services. */
    private void noteRecordings(RunningPipeline pipeline) {
        if (settings.flightRecordings()) {
            pipeline.processIds().forEach((service, pid) -> notes.add("Flight recording of %s: `%s`".formatted(service,
                    workDir.resolve("jfr").resolve(pid + ".jfr"))));
        }
    }

    private String leadsTag(String part) {
        return "b" + runTag + part;
    }

    // --- 1. Capture's throughput and its two ceilings ------------------------------------------------------------

    private HttpRun noopCeiling(HttpLoad load, RunningPipeline pipeline) throws InterruptedException {
        String url = pipeline.url(CAPTURE, "/q/health/live");
        HttpLoad.Requests requests = n -> new HttpLoad.Request(HttpMethod.GET, url, Map.of(), null);
        return closedLoop(load, "no-op endpoint (capture's /q/health/live)", requests, 200);
    }

    private ProducerCeiling.Result producerCeiling(RunningPipeline pipeline) throws Exception {
        log.accept("ProducerPerformance: %,d records of %d bytes, %s".formatted(settings.producerRecords(), ProducerCeiling.RECORD_BYTES,
                ProducerCeiling.PRODUCER_SETTINGS));
        ProducerCeiling.Result result = ProducerCeiling.run(pipeline.stack().bootstrapServers(), settings.producerRecords(),
                workDir.resolve("logs/producer-performance.log"));
        log.accept("  " + result.line());
        return result;
    }

    /** Conversions of the campaign mix posted as a website's server does, as fast as capture answers them. */
    private HttpRun captureRun(HttpLoad load, RunningPipeline pipeline, String name, String tag, Set<String> ours)
            throws InterruptedException {
        String url = pipeline.url(CAPTURE, "/v1/conversions");
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization", BenchLeads.SITE_KEY);
        BenchLeads leads = new BenchLeads(tag);
        HttpLoad.Requests requests = n -> {
            BenchLeads.Kind kind = BenchLeads.campaignKind(n);
            if (ours != null) {
                ours.add(leads.leadId(kind, n));
            }
            return new HttpLoad.Request(HttpMethod.POST, url, headers, leads.conversionJson(kind, n));
        };
        if (!settings.warmup().isZero()) {
            BenchLeads warmLeads = new BenchLeads(tag + "w");
            load.closedLoop(n -> {
                BenchLeads.Kind kind = BenchLeads.campaignKind(n);
                if (ours != null) {
                    ours.add(warmLeads.leadId(kind, n));
                }
                return new HttpLoad.Request(HttpMethod.POST, url, headers, warmLeads.conversionJson(kind, n));
            }, settings.connections(), settings.warmup(), (n, status, sent, answered) -> {
            });
        }
        return closedLoop(load, name, requests, 202);
    }

    private HttpRun closedLoop(HttpLoad load, String name, HttpLoad.Requests requests, int countedStatus) throws InterruptedException {
        log.accept("%s: %d connections for %d s".formatted(name, settings.connections(), settings.throughputDuration().toSeconds()));
        BenchTimeline timeline = new BenchTimeline(name, System.nanoTime());
        HttpLoad.Result result = load.closedLoop(requests, settings.connections(), settings.throughputDuration(), (n, status, sent, answered) -> {
            if (status == countedStatus) {
                timeline.record(answered, answered - sent);
            }
        });
        BenchTimeline.Summary latency = timeline.summary();
        log.accept("  %,.0f/s sustained (%,d answers %s), p50 %.1f ms, p99 %.1f ms".formatted(timeline.sustainedPerSecond(),
                result.sent(), result.byStatus(), latency.p50(), latency.p99()));
        return new HttpRun(name, settings.connections(), result, timeline);
    }

    // --- 2. Speed-to-lead ----------------------------------------------------------------------------------------

    /** Sales-ready leads at a fixed rate; each one's latency runs from capture's 202 to its LeadHandedOff at a read_committed consumer. */
    private SpeedRun speedRun(HttpLoad load, RunningPipeline pipeline, int rate, Set<String> ours) throws InterruptedException {
        int count = (int) (rate * settings.speedDuration().toSeconds());
        BenchLeads leads = new BenchLeads(leadsTag("s" + rate));
        Map<String, Integer> byLeadId = new HashMap<>(count * 2);
        for (int n = 0; n < count; n++) {
            byLeadId.put(leads.leadId(BenchLeads.Kind.SALES_READY, n), n);
        }
        if (ours != null) {
            ours.addAll(byLeadId.keySet());
        }
        AtomicLongArray acceptedAt = new AtomicLongArray(count);
        AtomicLongArray handedOffAt = new AtomicLongArray(count);
        String url = pipeline.url(CAPTURE, "/v1/conversions");
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization", BenchLeads.SITE_KEY);
        log.accept("speed-to-lead: %,d sales-ready leads at %d/s".formatted(count, rate));
        long phaseStart = System.nanoTime();
        HttpLoad.Result sent;
        try (TopicWatch handoffs = new TopicWatch(pipeline.stack().bootstrapServers(), List.of(HANDOFFS), false, (record, received) -> {
            Integer n = byLeadId.get(record.key());
            if (n != null) {
                handedOffAt.compareAndSet(n, 0, received);
            }
        })) {
            sent = load.fixedRate(n -> new HttpLoad.Request(HttpMethod.POST, url, headers,
                    leads.conversionJson(BenchLeads.Kind.SALES_READY, n)), settings.connections(), rate, count,
                    (n, status, sentAt, answered) -> {
                        if (status == 202) {
                            acceptedAt.set((int) n, answered);
                        }
                    });
            long deadline = System.nanoTime() + SPEED_SETTLE_LIMIT.toNanos();
            while (System.nanoTime() < deadline && handedOff(handedOffAt) < sent.count(202)) {
                Thread.sleep(200);
            }
        }
        BenchTimeline timeline = new BenchTimeline("speed-to-lead at " + rate + "/s", phaseStart);
        for (int n = 0; n < count; n++) {
            long accepted = acceptedAt.get(n);
            long handed = handedOffAt.get(n);
            if (accepted != 0 && handed != 0) {
                timeline.record(handed, Math.max(0, handed - accepted));
            }
        }
        BenchTimeline.Summary latency = timeline.summary();
        log.accept("  %,d accepted, %,d handed off; 202 → LeadHandedOff p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms"
                .formatted(sent.count(202), timeline.count(), latency.p50(), latency.p95(), latency.p99(), latency.max()));
        return new SpeedRun(rate, count, sent.count(202), timeline.count(), timeline);
    }

    /**
     * Waits until qualification, routing and nurture have read everything on their input topics (what capture alone
     * wrote before they ran), so a speed-to-lead run measures an idle pipeline, not one working off a backlog. Notes how
     * long that took. Read-committed consumers skip transaction markers, so a partition counts as read within one record.
     */
    private void awaitCaughtUp(RunningPipeline pipeline, String what) throws Exception {
        long started = System.nanoTime();
        long deadline = started + PROCESSING_LIMIT.toNanos();
        long behind = Long.MAX_VALUE;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                behind = recordsBehind(admin, List.of(QUALIFICATION, ROUTING, NURTURE));
                if (behind == 0) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String outcome = behind == 0 ? "worked off in %.1f s".formatted(seconds)
                : "not worked off within %d s (%,d records still unread); the speed-to-lead runs queue behind them".formatted(
                        PROCESSING_LIMIT.toSeconds(), behind);
        log.accept("  %s: %s".formatted(what, outcome));
        notes.add("Before the speed-to-lead runs, the services caught up with %s: %s.".formatted(what, outcome));
    }

    /** Records the groups have not read yet, over the partitions they have committed positions on (one per partition is a marker). */
    private static long recordsBehind(Admin admin, List<String> groups) throws Exception {
        long behind = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return Long.MAX_VALUE; // not started reading yet
            }
            // Every partition of the topics it reads, so one it has not committed on yet counts as wholly unread.
            Set<String> topics = new java.util.HashSet<>();
            committed.keySet().forEach(partition -> topics.add(partition.topic()));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest())));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            for (var end : ends.entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                behind += Math.max(0, end.getValue().offset() - (position == null ? 0 : position.offset()) - 1);
            }
        }
        return behind;
    }

    private static long handedOff(AtomicLongArray handedOffAt) {
        long count = 0;
        for (int i = 0; i < handedOffAt.length(); i++) {
            count += handedOffAt.get(i) != 0 ? 1 : 0;
        }
        return count;
    }

    /** Waits (up to a minute) until the closers have answered every handoff of the benchmark's sales-ready leads. */
    private void awaitAnswered(BenchClosers closers, HttpRun capture, List<SpeedRun> speed) throws InterruptedException {
        long salesReady = BenchLeads.campaignCount(capture.load().sent(), BenchLeads.Kind.SALES_READY)
                + speed.stream().mapToLong(SpeedRun::accepted).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && closers.accepted() + closers.refused() < Math.min(salesReady, closers.seen())) {
            Thread.sleep(200);
        }
        log.accept("closers accepted %,d handoffs (%,d seen, %,d refused)".formatted(closers.accepted(), closers.seen(), closers.refused()));
    }

    // --- 3. Routing under a deep queue ---------------------------------------------------------------------------

    private DeepQueue deepQueueOnOwnPipeline() throws Exception {
        return deepQueueOn(startDeepQueuePipeline());
    }

    /** Broker, registry and routing alone, every closer on duty with the deep queue's capacity. */
    private RunningPipeline startDeepQueuePipeline() {
        int capacity = settings.deepQueueCloserCapacity();
        log.accept("deep queue: starting broker, registry and routing alone (every closer on duty, capacity %,d each)".formatted(capacity));
        try {
            Path config = BenchConfig.write(shippedConfig, workDir.resolve("config-deep-queue"), capacity);
            return RunningPipeline.start(new RunningPipeline.Options(false, false, serviceFlags(), List.of(ROUTING), config));
        } catch (Exception e) {
            throw new IllegalStateException("the deep queue's pipeline did not start", e);
        }
    }

    /** Runs the deep queue on {@code started} (from {@link #startDeepQueuePipeline()}) and stops it. */
    private DeepQueue deepQueueOn(RunningPipeline started) throws Exception {
        int total = settings.deepQueueDecisions();
        try (RunningPipeline pipeline = started;
                ProcessFootprint usage = new ProcessFootprint(() -> processIds(pipeline));
                BenchClosers closers = new BenchClosers(pipeline.stack(), pipeline.url(ROUTING, ""), pipeline.authorization(Roles.SALES_OPS), key -> true, false, 512)) {
            startup.put(ROUTING + " (deep-queue pipeline)", pipeline.startupTimes().get(ROUTING));
            BenchLeads leads = new BenchLeads(leadsTag("q"));
            Instant now = Instant.now();
            List<ProducerRecord<String, SpecificRecord>> decisions = new ArrayList<>(total);
            for (int n = 0; n < total; n++) {
                var decision = leads.salesQualified(n, now);
                decisions.add(new ProducerRecord<>(DECISIONS, decision.getLeadId(), decision));
            }
            usage.phase("deep queue: growing");
            long writeStart = System.nanoTime();
            new EventTopics(pipeline.stack().bootstrapServers(), pipeline.stack().registryUrl()).sendAll(decisions);
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            log.accept("  %,d SQL decisions written to %s in %.1f s; routing takes them with closers filling up".formatted(total, DECISIONS, writeSeconds));

            List<double[]> growth = new ArrayList<>();
            growth.add(new double[] {0, 0, 0}); // the write's start: nothing taken yet
            long processed = 0;
            long maxWaiting = 0;
            long deadline = System.nanoTime() + PROCESSING_LIMIT.toNanos();
            String pools = pipeline.url(ROUTING, "/v1/pools");
            while (processed < total && System.nanoTime() < deadline) {
                Thread.sleep(500);
                long waiting = waiting(pools, pipeline.authorization(Roles.OPS));
                if (waiting < 0) {
                    continue;
                }
                processed = waiting + closers.seen();
                maxWaiting = Math.max(maxWaiting, waiting);
                growth.add(new double[] {(System.nanoTime() - writeStart) / 1e9, processed, waiting});
            }
            double decisionsPerSecond = rate(growth, 0, total);
            double lastQuarter = rate(growth, total * 0.75, total);
            log.accept("  %,d of %,d decisions taken, %,.0f decisions/s (%,.0f/s over the last quarter, %,d waiting at most)"
                    .formatted(processed, total, decisionsPerSecond, lastQuarter, maxWaiting));

            usage.phase("deep queue: draining");
            long handedBefore = closers.seen();
            long drainStart = System.nanoTime();
            closers.startAnswering();
            long drainDeadline = drainStart + settings.drainLimit().toNanos();
            while (closers.seen() < processed && System.nanoTime() < drainDeadline) {
                Thread.sleep(200);
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            long drained = closers.seen() - handedBefore;
            int fromSecond = (int) ((drainStart - closers.startNanos()) / 1_000_000_000L);
            List<Long> series = closers.handoffsPerSecond();
            List<Long> drainSeries = fromSecond < series.size() ? series.subList(fromSecond, series.size()) : List.of();
            log.accept("  closers accepting: %,d more handed off in %.1f s, %,.0f handoffs/s (%,d accepted)".formatted(drained, drainSeconds,
                    drained / drainSeconds, closers.accepted()));
            usage.phase(null);
            footprint.putAll(usage.usage());
            noteRecordings(pipeline);
            return new DeepQueue(total, settings.deepQueueCloserCapacity(), writeSeconds, processed, decisionsPerSecond, lastQuarter, maxWaiting, growth,
                    handedBefore, drained, drainSeconds, drained / drainSeconds, drainSeries, closers.accepted(), closers.refused());
        }
    }

    /** Leads waiting in all pools' queues (GET /v1/pools reads kept counts, no queue), or -1 when routing did not answer. */
    private static long waiting(String poolsUrl, String authorization) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(poolsUrl)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            long waiting = 0;
            for (JsonNode pool : JSON.readTree(response.body())) {
                waiting += pool.path("waiting").asLong();
            }
            return waiting;
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Decisions per second from the last sample at or below {@code from} taken decisions to the first at {@code to}
     * (or the last sample). The samples start with the write's start (0 s, 0 taken), so a desk that takes a small
     * queue between two polls is still measured, over the wider window the polls allow.
     */
    private static double rate(List<double[]> growth, double from, double to) {
        double[] first = null;
        double[] last = null;
        for (double[] sample : growth) {
            if (sample[1] <= from) {
                first = sample;
                continue;
            }
            last = sample;
            if (sample[1] >= to) {
                break;
            }
        }
        if (first == null || last == null || last[0] <= first[0]) {
            return Double.NaN;
        }
        return (last[1] - first[1]) / (last[0] - first[0]);
    }

    // --- 4. Backlog drain ----------------------------------------------------------------------------------------

    private Backlog backlogOnOwnPipeline(Path config, int instances) throws Exception {
        log.accept("backlog (%s): starting broker and registry, no service yet".formatted(instancesLabel(instances)));
        try (RunningPipeline pipeline = RunningPipeline.start(new RunningPipeline.Options(false, false, serviceFlags(), List.of(), config));
                ProcessFootprint usage = new ProcessFootprint(() -> processIds(pipeline))) {
            usage.phase(instances == 1 ? "backlog drain" : "backlog drain, " + instancesLabel(instances));
            Backlog backlog = backlog(pipeline, instances);
            usage.phase(null);
            footprint.putAll(usage.usage());
            pipeline.startupTimes().forEach((service, took) -> startup.put(service + " (backlog pipeline, %s)".formatted(
                    instances == 1 ? "beside two others" : instancesLabel(instances)), took));
            noteRecordings(pipeline);
            return backlog;
        }
    }

    static String instancesLabel(int instances) {
        return instances == 1 ? "one instance each" : instances + " instances of qualification and nurture";
    }

    private Backlog backlog(RunningPipeline pipeline, int instances) throws Exception {
        int total = settings.backlogConversions();
        DevStack stack = pipeline.stack();
        BenchLeads leads = new BenchLeads(leadsTag("b"));
        EventTopics topics = new EventTopics(stack.bootstrapServers(), stack.registryUrl());
        // Capture would create its topic; it is not running, so the backlog's topic is made here.
        TopicProvisioner.ensureTopics(stack.bootstrapServers(), List.of(CONVERSIONS));
        log.accept("backlog: preloading %,d conversions onto %s".formatted(total, CONVERSIONS));
        long preloadStart = System.nanoTime();
        Instant at = Instant.now();
        for (long chunk = 0; chunk < total; chunk += PRELOAD_CHUNK) {
            List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
            for (long n = chunk; n < Math.min(total, chunk + PRELOAD_CHUNK); n++) {
                var conversion = leads.conversion(BenchLeads.campaignKind(n), n, at);
                records.add(new ProducerRecord<>(CONVERSIONS, conversion.getLeadId(), conversion));
            }
            topics.sendAll(records);
        }
        double preloadSeconds = (System.nanoTime() - preloadStart) / 1e9;
        Map<String, String> services = new LinkedHashMap<>();
        services.put(DECISIONS, QUALIFICATION);
        services.put(HANDOFFS, ROUTING);
        services.put(ENROLLMENTS, NURTURE);
        Map<String, Long> expected = Map.of(DECISIONS, (long) total,
                HANDOFFS, BenchLeads.campaignCount(total, BenchLeads.Kind.SALES_READY),
                ENROLLMENTS, BenchLeads.campaignCount(total, BenchLeads.Kind.NOT_READY));
        // The services would create these; made here first so the watch can read them from the first record on.
        TopicProvisioner.ensureTopics(stack.bootstrapServers(), List.copyOf(services.keySet()));
        Map<String, long[]> firstAndDone = new ConcurrentHashMap<>();
        Map<String, Long> counts = new ConcurrentHashMap<>();
        List<String> toStart = new ArrayList<>(List.of(QUALIFICATION, ROUTING, NURTURE));
        for (int n = 2; n <= instances; n++) {
            toStart.add(RunningPipeline.instance(QUALIFICATION, n));
            toStart.add(RunningPipeline.instance(NURTURE, n));
        }
        log.accept("  preloaded in %.1f s; starting %s".formatted(preloadSeconds, toStart));
        long launch = System.nanoTime();
        try (TopicWatch watch = new TopicWatch(stack.bootstrapServers(), List.copyOf(services.keySet()), true, (record, received) -> {
            long seen = counts.merge(record.topic(), 1L, Long::sum);
            long[] times = firstAndDone.computeIfAbsent(record.topic(), t -> new long[] {received, 0, received});
            times[2] = received;
            if (seen == expected.get(record.topic())) {
                times[1] = received;
            }
        })) {
            pipeline.startServices(toStart);
            double readySeconds = (System.nanoTime() - launch) / 1e9;
            long deadline = System.nanoTime() + PROCESSING_LIMIT.toNanos();
            while (System.nanoTime() < deadline && !services.keySet().stream().allMatch(t -> counts.getOrDefault(t, 0L) >= expected.get(t))) {
                Thread.sleep(500);
            }
            List<TopicDrain> drains = new ArrayList<>();
            for (var topic : services.entrySet()) {
                long[] times = firstAndDone.getOrDefault(topic.getKey(), new long[] {0, 0, 0});
                long seen = counts.getOrDefault(topic.getKey(), 0L);
                double first = times[0] == 0 ? Double.NaN : (times[0] - launch) / 1e9;
                double done = times[1] == 0 ? Double.NaN : (times[1] - launch) / 1e9;
                // Unfinished within the limit: the rate of what it wrote, first record to its latest.
                double perSecond = times[2] > times[0] ? (seen - 1) / ((times[2] - times[0]) / 1e9) : Double.NaN;
                drains.add(new TopicDrain(topic.getKey(), topic.getValue(), expected.get(topic.getKey()), seen, perSecond, first, done,
                        watch.perSecond(topic.getKey())));
                log.accept("  %s (%s): %,d of %,d, %,.0f events/s from its first record to its last; all written %.1f s after launch"
                        .formatted(topic.getKey(), topic.getValue(), seen, expected.get(topic.getKey()), perSecond, done));
            }
            return new Backlog(total, instances, preloadSeconds, readySeconds, drains);
        }
    }

    // --- 5. Footprint --------------------------------------------------------------------------------------------

    /** The processes to sample: the pipeline's services, its broker and registry, ProducerPerformance while it runs, and this JVM (the load generator). */
    private static Map<String, Long> processIds(RunningPipeline pipeline) {
        Map<String, Long> pids = new LinkedHashMap<>();
        String kafkaPort = pipeline.stack().bootstrapServers().substring(pipeline.stack().bootstrapServers().lastIndexOf(':') + 1);
        String registryPort = pipeline.stack().registryBaseUrl().substring(pipeline.stack().registryBaseUrl().lastIndexOf(':') + 1);
        ProcessHandle.current().children().forEach(child -> commandLine(child).ifPresent(command -> {
            if (command.contains("KafkaBrokerMain") && command.contains("--port " + kafkaPort + " ")) {
                pids.put("kafka broker", child.pid());
            } else if (command.contains("-Dquarkus.http.port=" + registryPort + " ") && command.contains("apicurio")) {
                pids.put("apicurio registry", child.pid());
            } else if (command.contains("ProducerPerformance")) {
                pids.put("ProducerPerformance", child.pid());
            }
        }));
        pids.putAll(pipeline.processIds());
        pids.put("benchmark harness (load generator, consumers)", ProcessHandle.current().pid());
        return pids;
    }

    /** A process's whole command line: the JDK's own view of it drops the arguments of a long one (the broker's class path). */
    private static java.util.Optional<String> commandLine(ProcessHandle process) {
        try {
            byte[] raw = java.nio.file.Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return java.util.Optional.of(new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (java.io.IOException | RuntimeException e) {
            return process.info().commandLine();
        }
    }
}
