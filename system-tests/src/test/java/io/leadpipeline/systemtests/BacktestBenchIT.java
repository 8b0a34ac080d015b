package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.EventTopics;

/**
 * On demand (a benchmark, not part of the suite): how long {@code POST /v1/scoring/backtest} takes over a recorded
 * history of {@code -Dbench.backtest=N} leads (a conversion and a pricing-page view each; a quarter sales-ready).
 * Prints the figures; asserts only that the backtest answered and saw every lead.
 * <pre>mvn -pl system-tests verify -Dit.test=BacktestBenchIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dbench.backtest=100000</pre>
 */
@EnabledIfSystemProperty(named = "bench.backtest", matches = "\\d+")
class BacktestBenchIT {

    @Test
    void shouldReportHowLongABacktestOfTheRecordedHistoryTakes() throws Exception {
        int leads = Integer.parseInt(System.getProperty("bench.backtest"));
        try (RunningPipeline pipeline = RunningPipeline.start(new RunningPipeline.Options(false, false, List.of(),
                List.of("qualification-service"), null))) {
            BenchLeads bench = new BenchLeads("backtest");
            EventTopics topics = new EventTopics(pipeline.stack().clientSettings(), pipeline.stack().registryUrl());
            Instant start = Instant.now().minus(Duration.ofDays(3));
            long writing = System.nanoTime();
            List<ProducerRecord<String, SpecificRecord>> batch = new ArrayList<>();
            for (int n = 0; n < leads; n++) {
                Instant at = start.plusMillis(n);
                ConversionCaptured conversion = bench.conversion(n % 4 == 0 ? BenchLeads.Kind.SALES_READY : BenchLeads.Kind.NOT_READY, n, at);
                batch.add(new ProducerRecord<>("lead.conversions", conversion.getLeadId(), conversion));
                batch.add(new ProducerRecord<>("lead.engagements", conversion.getLeadId(), EngagementTracked.newBuilder()
                        .setEngagementId("view-" + n).setLeadId(conversion.getLeadId()).setOccurredAt(at.plusSeconds(60))
                        .setReceivedAt(at.plusSeconds(60)).setType(EngagementType.PAGE_VIEW)
                        .setDetail(EngagementDetail.newBuilder().setUrl("https://www.example.com/pricing").build()).build()));
                if (batch.size() >= 20_000) {
                    topics.sendAll(batch);
                    batch.clear();
                }
            }
            topics.sendAll(batch);
            long written = Duration.ofNanos(System.nanoTime() - writing).toMillis();

            Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
            String candidate = Files.readString(root.resolve("config/scoring.yaml")).replace("mql: 60", "mql: 55");
            long asking = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(pipeline.url("qualification-service", "/v1/scoring/backtest?changedLeads=10")))
                    .header("Authorization", pipeline.authorization(Roles.MARKETING_OPS)).header("Content-Type", "application/yaml")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(candidate)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = Duration.ofNanos(System.nanoTime() - asking).toMillis();

            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertEquals(leads, body.path("report").path("leads").asInt(), "every recorded lead was replayed");
            System.out.printf("BACKTEST leads=%d records=%d replay+compare=%d ms (answered in %d ms; history written in %d ms) "
                    + "current=%s candidate=%s changed=%d%n", leads, body.path("recordsRead").asLong(), body.path("millis").asLong(),
                    answered, written, body.path("report").path("currentStages"), body.path("report").path("candidateStages"),
                    body.path("report").path("changedLeads").asInt());
        }
    }
}
