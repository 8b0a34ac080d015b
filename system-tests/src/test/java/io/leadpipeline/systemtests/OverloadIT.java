package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.service.security.Roles;

/**
 * Proves the pipeline under more than it may take: a browser flood past capture's per-IP limit is shed with 429 and
 * Retry-After while capture stays responsive and stores exactly what it accepted, and recovers by itself; a burst of
 * sales-ready leads larger than the closers' capacity queues (never drops) and every lead is handed off once as
 * closers free up.
 */
@ExtendWith(SharedPipeline.class)
@Order(SharedPipeline.SECOND_FILLS_THE_CLOSERS)
class OverloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SITE_KEY = "Bearer dev-only-example-server-key";
    private static final String ORIGIN = "http://localhost:8000";
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    /** More than the shipped roster can hold for one pool, whatever the hour (at most 160 open handoffs for a US lead). */
    private static final int BURST = 200;

    private static RunningPipeline pipeline;

    @BeforeAll
    static void usePipeline(RunningPipeline shared) {
        pipeline = shared;
    }

    @Test
    void shouldShedABrowserFloodWith429StayResponsiveAndRecover() throws Exception {
        int flood = 400;
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        List<String> missingRetryAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong slowestHealthMillis = new AtomicLong();
        try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
            Future<?> health = clients.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url("capture-service", "/q/health/live")))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, live.statusCode());
                    slowestHealthMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                    Thread.sleep(100);
                }
                return null;
            });
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                String email = "flood." + i + "@flood-test.example";
                requests.add(clients.submit(() -> {
                    HttpResponse<String> response = browserPost(email);
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 202) {
                        accepted.add(email);
                    } else {
                        refused.add(email);
                        if (response.statusCode() == 429 && response.headers().firstValue("Retry-After").isEmpty()) {
                            missingRetryAfter.add(email);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
            health.get();
        }
        System.out.printf("overload: %d browser posts from one IP: %s; slowest /q/health/live during the flood %d ms%n",
                flood, statuses, slowestHealthMillis.get());
        assertEquals(Set.of(202, 429), statuses.keySet(), "only accepted or shed: " + statuses);
        assertTrue(accepted.size() >= 100 && accepted.size() < flood, "the per-IP allowance (100 per 10 s) passes, the rest is shed: " + statuses);
        assertTrue(missingRetryAfter.isEmpty(), "every 429 says when to come back");
        assertTrue(slowestHealthMillis.get() < 2_000, "capture stays responsive while shedding: " + slowestHealthMillis.get() + " ms");

        // Exactly what was accepted is stored; nothing of what was shed.
        try (TopicReader<ConversionCaptured> conversions = AvroTopicReaders.reader(pipeline.stack(), "lead.conversions")) {
            List<ConsumerRecord<String, ConversionCaptured>> flooded = conversions.await(
                    r -> r.value().getContact().getEmail().endsWith("@flood-test.example"), accepted.size(), ARRIVAL);
            conversions.settle(r -> false, Duration.ofSeconds(3));
            Set<String> stored = conversions.all().stream().map(r -> r.value().getContact().getEmail())
                    .filter(e -> e.endsWith("@flood-test.example")).collect(Collectors.toSet());
            assertEquals(accepted, stored, "stored exactly the accepted posts (" + flooded.size() + " read)");
        }

        // When the flood stops, the same browser gets in again by itself.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 202) {
            Thread.sleep(1_000);
            status = browserPost("flood.after@flood-test.example").statusCode();
        }
        assertEquals(202, status, "capture accepts the browser again once its allowance refills");
    }

    @Test
    void shouldQueueABurstLargerThanTheClosersCapacityAndHandEveryLeadOffOnce() throws Exception {
        Set<String> leads = new HashSet<>();
        for (int i = 0; i < BURST; i++) {
            HttpResponse<String> response = serverPost("/v1/conversions", """
                    {"email": "burst.%d@burst-%d.example", "formId": "demo-request", "formType": "DEMO_REQUEST", "firstName": "Bo",
                     "company": "Burst %d", "jobTitle": "VP of Sales", "companySize": "500", "country": "US"}""".formatted(i, i, i));
            assertEquals(202, response.statusCode(), response.body());
            leads.add(JSON.readTree(response.body()).get("leadId").asText());
        }
        try (TopicReader<LeadHandedOff> handoffs = AvroTopicReaders.reader(pipeline.stack(), "lead.handoffs")) {
            // Nobody answers yet: the closers fill up and the rest wait in a pool's queue.
            handoffs.await(r -> leads.contains(r.key()), 1, ARRIVAL);
            handoffs.settle(r -> false, Duration.ofSeconds(5));
            int handedOff = (int) handoffs.all().stream().filter(r -> leads.contains(r.key())).count();
            int waiting = 0;
            for (JsonNode pool : getJson("/v1/pools")) {
                waiting += pool.get("waiting").asInt();
            }
            System.out.printf("overload: burst of %d sales-ready leads: %d handed off at once, %d queued%n", BURST, handedOff, waiting);
            assertTrue(waiting > 0, "the burst is larger than the closers' capacity");
            assertEquals(BURST, handedOff + waiting, "every lead is either with a closer or queued: none dropped");

            // Closers accept what they have, each closer at the same time as the others; queued leads follow until
            // every lead is handed off, once.
            Set<String> answered = new HashSet<>();
            long drainStarted = System.nanoTime();
            long deadline = drainStarted + ARRIVAL.toNanos();
            try (ExecutorService closers = Executors.newFixedThreadPool(Math.max(1, handedOff))) {
                while (System.nanoTime() < deadline) {
                    List<LeadHandedOff> burst = handoffs.settle(r -> leads.contains(r.key()), Duration.ofMillis(500)).stream()
                            .map(ConsumerRecord::value).toList();
                    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                    for (LeadHandedOff handoff : burst) {
                        if (answered.add(handoff.getHandoffId())) {
                            answers.add(closers.submit(() -> HTTP.send(HttpRequest.newBuilder(
                                    URI.create(pipeline.url("routing-service", "/v1/handoffs/" + handoff.getHandoffId() + "/accept")))
                                    .header("Authorization", pipeline.authorization(Roles.SALES_OPS)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                                    HttpResponse.BodyHandlers.ofString())));
                        }
                    }
                    for (Future<HttpResponse<String>> answer : answers) {
                        HttpResponse<String> accepted = answer.get();
                        assertEquals(200, accepted.statusCode(), accepted.body());
                    }
                    if (burst.stream().map(LeadHandedOff::getLeadId).collect(Collectors.toSet()).size() == BURST) {
                        break;
                    }
                }
            }
            double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
            Map<String, Long> perLead = handoffs.settle(r -> leads.contains(r.key()), Duration.ofSeconds(3)).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            System.out.printf("overload: the queue of %d drained in %.1f s while closers accepted%n", waiting, drainSeconds);
            assertEquals(leads, perLead.keySet(), "every lead of the burst was handed off");
            assertTrue(perLead.values().stream().allMatch(count -> count == 1), "each exactly once: " + perLead.values().stream()
                    .filter(count -> count != 1).toList());
        }
    }

    private static HttpResponse<String> browserPost(String email) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url("capture-service", "/v1/conversions")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"formId\": \"newsletter\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A website's server posting: a 503 (the first writes right after start-up can be slow) is retried as told. */
    private static HttpResponse<String> serverPost(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(pipeline.url("capture-service", path))).header("Content-Type", "application/json")
                .header("Authorization", SITE_KEY).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; response.statusCode() == 503 && attempt < 10; attempt++) {
            Thread.sleep(2_000);
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url("routing-service", path)))
                .header("Authorization", pipeline.authorization(Roles.OPS)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
