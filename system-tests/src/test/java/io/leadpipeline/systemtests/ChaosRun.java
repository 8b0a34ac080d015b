package io.leadpipeline.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.kafka.DeadLetters;

/**
 * One crash run of one seed: starts the pipeline, drives a website's and the closers' traffic at it while the
 * {@link FaultInjector} kills and restarts every part, lets it drain, then audits every lead from the topics.
 */
final class ChaosRun {

    /** The example site's server key from config/capture.yaml: a server-side integration is not rate limited per IP. */
    private static final String SITE_KEY = "Bearer dev-only-example-server-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLIENT_DEADLINE = Duration.ofMinutes(4);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /**
     * Extra JVM flags for every service: the shipped settings, but our own code logging at DEBUG, so the search for
     * personal data in the logs covers every level.
     */
    static final List<String> SERVICE_FLAGS = List.of("-Dquarkus.log.category.\"io.leadpipeline\".level=DEBUG");

    /** Everything a run measured. */
    record Report(long seed, int leads, Map<String, Long> websiteAttempts, Map<String, Long> closerAttempts, int acknowledged,
            int notAcknowledged, int sameKeyMismatches, Map<String, Integer> faults, List<FaultInjector.Applied> applied,
            long deadLetters, ChaosAudit.Result audit, Duration drainTime, Duration total, Map<String, Integer> personalDataInLogs) {

        int lost() {
            return audit.lost() + notAcknowledged;
        }

        int duplicated() {
            return audit.duplicated() + sameKeyMismatches;
        }

        boolean passed() {
            return lost() == 0 && duplicated() == 0 && audit.wrong() == 0 && deadLetters == 0 && personalDataInLogs.isEmpty();
        }

        String text() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("seed %d: %d leads, %s%n", seed, leads, passed() ? "PASSED" : "FAILED"));
            out.append(String.format("  website requests by answer: %s%n", websiteAttempts));
            out.append(String.format("  closer requests by answer:  %s%n", closerAttempts));
            out.append(String.format("  conversions acknowledged (202): %d; on lead.conversions: %d distinct ids, %d records written again"
                    + " under the same id (dropped by id downstream), %d under a new id by a double click's retry without a key%n",
                    acknowledged, audit.conversionsOnTopic(), audit.repeatedConversionRecords(), audit.unkeyedRetryConversions()));
            out.append(String.format("  faults: %s%n", faults));
            out.append(String.format("  records: %s%n", audit.recordsByTopic()));
            out.append(String.format("  lost %d, duplicated %d, wrong %d, dead letters %d, not acknowledged %d%n",
                    lost(), duplicated(), audit.wrong(), deadLetters, notAcknowledged));
            out.append(String.format("  log lines naming a lead (email, name or phone), per log file: %s%n",
                    personalDataInLogs.isEmpty() ? "none" : personalDataInLogs));
            out.append(String.format("  drained in %.1f s after the load; whole run %.1f s%n", drainTime.toMillis() / 1e3, total.toMillis() / 1e3));
            audit.examples().forEach(example -> out.append("  ").append(example).append('\n'));
            return out.toString();
        }
    }

    private final ChaosSettings settings;
    private final long seed;

    ChaosRun(ChaosSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    Report run() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(seed);
        List<ChaosLead> leads = new ArrayList<>();
        for (int i = 1; i <= settings.conversions(); i++) {
            leads.add(ChaosLead.plan(seed, i, random));
        }
        Map<String, ChaosLead> byLeadId = new ConcurrentHashMap<>();
        leads.forEach(lead -> byLeadId.put(lead.leadId(), lead));
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger notAcknowledged = new AtomicInteger();
        AtomicInteger sameKeyMismatches = new AtomicInteger();
        PersistentClient website = new PersistentClient(CLIENT_DEADLINE);
        // Closers never give up on an answer during the run: an unanswered handoff would count as lost without being so.
        PersistentClient closers = new PersistentClient(settings.loadDuration().plus(settings.drainTimeout()).plus(CLIENT_DEADLINE));

        try (RunningPipeline pipeline = RunningPipeline.start(new RunningPipeline.Options(false, true, SERVICE_FLAGS));
                ExecutorService work = Executors.newVirtualThreadPerTaskExecutor()) {
            String capture = pipeline.url("capture-service", "");
            String routing = pipeline.url("routing-service", "");
            List<Future<?>> closerAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (PipelineObserver observer = new PipelineObserver(pipeline.stack(), seen -> {
                ChaosLead lead = byLeadId.get(seen.key());
                if (lead != null) {
                    closerAnswers.add(work.submit(() -> answer(closers, pipeline, routing, lead, (LeadHandedOff) seen.value(), random(seed, seen.offset()))));
                }
            })) {
                FaultInjector faults = new FaultInjector(pipeline, seed, settings.full());
                long loadStarted = System.nanoTime();
                Future<?> faulting = work.submit(() -> {
                    faults.run(settings.loadDuration(), loadStarted);
                    return null;
                });
                List<Future<?>> submissions = new ArrayList<>();
                long interval = 1_000_000_000L / Math.max(1, settings.ratePerSecond());
                for (ChaosLead lead : leads) {
                    long due = loadStarted + interval * (lead.number() - 1);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    submissions.add(work.submit(() -> submit(website, capture, lead, random(seed, lead.number()),
                            acknowledged, notAcknowledged, sameKeyMismatches)));
                }
                for (Future<?> submission : submissions) {
                    submission.get();
                }
                faulting.get();
                long drainStarted = System.nanoTime();
                List<ChaosLead> acked = leads.stream().filter(lead -> acknowledged.containsKey(lead.leadId())).toList();
                long drainDeadline = drainStarted + settings.drainTimeout().toNanos();
                ChaosAudit.Result audit = ChaosAudit.audit(acked, acknowledged, observer);
                while (!audit.complete() && System.nanoTime() < drainDeadline) {
                    Thread.sleep(2_000);
                    audit = ChaosAudit.audit(acked, acknowledged, observer);
                }
                Duration drained = Duration.ofNanos(System.nanoTime() - drainStarted);
                Thread.sleep(SETTLE.toMillis()); // late duplicates would show now
                for (Future<?> answer : closerAnswers) {
                    if (!answer.isDone()) {
                        answer.cancel(true); // still retrying: its handoff shows as unanswered in the audit
                    }
                }
                audit = ChaosAudit.audit(acked, acknowledged, observer);
                return new Report(seed, leads.size(), website.attempts(), closers.attempts(),
                        acknowledged.values().stream().mapToInt(Set::size).sum(), notAcknowledged.get(), sameKeyMismatches.get(),
                        faults.counts(), faults.applied(), deadLetters(pipeline), audit, drained,
                        Duration.ofNanos(System.nanoTime() - started),
                        new PersonalDataInLogs(leads.stream().map(ChaosLead::personalData).toList())
                                .linesNamingSomeone(pipeline.workDir().resolve("logs")));
            }
        }
    }

    private static Random random(long seed, long salt) {
        return new Random(seed * 1_000_003L + salt);
    }

    /** A website's backend posting one form fill, with the duplicates real websites produce. */
    private Void submit(PersistentClient website, String capture, ChaosLead lead, Random random, Map<String, Set<String>> acknowledged,
            AtomicInteger notAcknowledged, AtomicInteger sameKeyMismatches) throws Exception {
        String url = capture + "/v1/conversions";
        String key = "chaos-" + seed + "-" + lead.number();
        Optional<String> first;
        switch (lead.duplicate()) {
            case DOUBLE_CLICK -> {
                // The second click, at the same moment, on a thread of its own (no executor left open per lead).
                java.util.concurrent.FutureTask<Optional<String>> click = new java.util.concurrent.FutureTask<>(
                        () -> accepted(website.post(url, lead.conversionJson(), Map.of("Authorization", SITE_KEY))));
                Thread.ofVirtual().start(click);
                first = accepted(website.post(url, lead.conversionJson(), Map.of("Authorization", SITE_KEY)));
                record(lead, click.get(), acknowledged, notAcknowledged);
            }
            case SAME_KEY -> {
                first = accepted(website.post(url, lead.conversionJson(), Map.of("Authorization", SITE_KEY, "Idempotency-Key", key)));
                Optional<String> again = accepted(website.post(url, lead.conversionJson(), Map.of("Authorization", SITE_KEY, "Idempotency-Key", key)));
                if (first.isPresent() && again.isPresent() && !first.equals(again)) {
                    sameKeyMismatches.incrementAndGet(); // the same key must always mean the same conversion
                }
            }
            default -> first = accepted(website.post(url, lead.conversionJson(), Map.of("Authorization", SITE_KEY, "Idempotency-Key", key)));
        }
        record(lead, first, acknowledged, notAcknowledged);
        if (first.isEmpty()) {
            return null;
        }
        if (lead.secondConversionJson() != null) {
            Thread.sleep(1_000 + random.nextInt(4_000));
            record(lead, accepted(website.post(url, lead.secondConversionJson(),
                    Map.of("Authorization", SITE_KEY, "Idempotency-Key", key + "-again"))), acknowledged, notAcknowledged);
        }
        if (lead.kind() == ChaosLead.Kind.REQUALIFIES) {
            Thread.sleep(2_000 + random.nextInt(6_000));
            Optional<HttpResponse<String>> engaged = website.post(capture + "/v1/engagements", lead.engagementJson(Instant.now().toString()),
                    Map.of("Authorization", SITE_KEY, "Idempotency-Key", key + "-meeting"));
            if (engaged.isEmpty() || engaged.get().statusCode() != 202) {
                notAcknowledged.incrementAndGet();
            }
        }
        return null;
    }

    private static void record(ChaosLead lead, Optional<String> conversionId, Map<String, Set<String>> acknowledged, AtomicInteger notAcknowledged) {
        if (conversionId.isPresent()) {
            acknowledged.computeIfAbsent(lead.leadId(), id -> ConcurrentHashMap.newKeySet()).add(conversionId.get());
        } else {
            notAcknowledged.incrementAndGet();
        }
    }

    private static Optional<String> accepted(Optional<HttpResponse<String>> response) throws Exception {
        if (response.isEmpty() || response.get().statusCode() != 202) {
            response.ifPresent(r -> System.out.println("chaos: capture answered " + r.statusCode() + ": " + r.body()));
            return Optional.empty();
        }
        JsonNode body = JSON.readTree(response.get().body());
        return Optional.of(body.get("conversionId").asText());
    }

    /** The assigned closer answering a handoff a moment after it arrives, with their own token, retrying as the closers' app would. */
    private Void answer(PersistentClient closers, RunningPipeline pipeline, String routing, ChaosLead lead, LeadHandedOff handoff,
            Random random) throws Exception {
        Thread.sleep(200 + random.nextInt(1_500));
        String url = routing + "/v1/handoffs/" + handoff.getHandoffId() + (lead.closerRejects() ? "/reject" : "/accept");
        String body = lead.closerRejects() ? "{\"reason\": \"NOT_A_FIT\", \"note\": \"not our segment\"}" : "{}";
        Optional<HttpResponse<String>> response = closers.post(url, body,
                Map.of("Authorization", pipeline.closerAuthorization(handoff.getCloser().getId())));
        if (response.isPresent() && response.get().statusCode() != 200) {
            System.out.println("chaos: routing answered " + response.get().statusCode() + " to " + url + ": " + response.get().body());
        }
        return null;
    }

    private static long deadLetters(RunningPipeline pipeline) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers()))) {
            List<String> dlqs = admin.listTopics().names().get().stream().filter(t -> t.endsWith(DeadLetters.SUFFIX)).toList();
            Map<TopicPartition, OffsetSpec> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.describeTopics(dlqs).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
