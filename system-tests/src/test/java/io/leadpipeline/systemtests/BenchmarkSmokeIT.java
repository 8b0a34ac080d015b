package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the benchmark harness of {@code ./pipeline bench} still works, with tiny sizes: on the shared pipeline it
 * produces every figure (ceilings, capture with the whole pipeline, speed-to-lead) and counts what it sent, closers
 * answering each of its handoffs; the deep queue runs on a small pipeline of its own; the report and charts are
 * written under target/. Asserts that figures exist and counts match, never how fast anything was.
 */
@ExtendWith(SharedPipeline.class)
class BenchmarkSmokeIT {

    private static RunningPipeline pipeline;

    @BeforeAll
    static void usePipeline(RunningPipeline shared) {
        pipeline = shared;
    }

    @Test
    void shouldProduceEveryFigureAndWriteTheReportAndCharts() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.smoke();
        Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
        Path out = Path.of("target", "benchmark-smoke").toAbsolutePath();
        Files.createDirectories(out);
        Benchmark.Results results = new Benchmark(settings, root.resolve("config"), out, line -> System.out.println("bench-smoke: " + line))
                .runOnSharedPipeline(pipeline);

        Map<String, Double> figures = BenchmarkReport.figures(results);
        figures.forEach((name, value) -> assertFalse(value == null || value.isNaN() || value <= 0, name + " was measured: " + figures));
        assertTrue(results.noop().counted() > 0 && results.captureWithPipeline().counted() > 0, "the closed-loop runs got answers");
        assertEquals(results.captureWithPipeline().load().sent(), results.captureWithPipeline().load().count(202),
                "capture accepted every conversion: " + results.captureWithPipeline().load().byStatus());
        for (Benchmark.SpeedRun run : results.speed()) {
            assertEquals(run.sent(), run.accepted(), "every speed-to-lead lead was accepted at " + run.ratePerSecond() + "/s");
            assertEquals(run.accepted(), run.handedOff(), "every accepted lead was handed off at " + run.ratePerSecond() + "/s");
        }
        Benchmark.DeepQueue queue = results.deepQueue();
        assertNotNull(queue);
        assertEquals(settings.deepQueueDecisions(), queue.processed(), "routing took every decision of the deep queue");
        assertTrue(queue.maxWaiting() > 0, "closers were at capacity and leads waited");
        assertEquals(queue.processed(), queue.handedOffBeforeDrain() + queue.drained(), "the queue drained once closers accepted");
        assertTrue(results.footprint().values().stream().anyMatch(phase -> phase.containsKey("capture-service")), "footprint sampled");

        Path report = BenchmarkReport.write(results, out.resolve("benchmarks.md"), out.resolve("benchmarks"), "BenchmarkSmokeIT");
        String text = Files.readString(report);
        for (String section : new String[] {"## Targets", "## 1. Capture", "## 2. Speed-to-lead", "## 3. Routing", "## 5. Footprint"}) {
            assertTrue(text.contains(section), "the report has " + section);
        }
        for (String chart : new String[] {BenchCharts.SPEED_OVER_TIME, BenchCharts.LATENCY_CDF, BenchCharts.CAPTURE_THROUGHPUT, BenchCharts.DEEP_QUEUE}) {
            Path png = out.resolve("benchmarks").resolve(chart);
            assertTrue(Files.size(png) > 1_000, chart + " was drawn");
        }
    }
}
