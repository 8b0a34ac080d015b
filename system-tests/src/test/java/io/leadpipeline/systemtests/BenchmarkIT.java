package io.leadpipeline.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The benchmark of issue 13 as {@code ./pipeline bench} runs it: its own pipelines on random ports, full sizes (or
 * {@code --quick} ones), the report written to docs/benchmarks.md with its charts in docs/benchmarks/ (or under
 * target/ for a quick run). Off in the normal suite, which runs {@link BenchmarkSmokeIT} instead. It reports; it
 * asserts no figure.
 */
@EnabledIfSystemProperty(named = "bench.run", matches = "true")
class BenchmarkIT {

    @Test
    void shouldMeasureThePipelineAndWriteTheReport() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
        Path workDir = Path.of(System.getProperty("pipeline.work-dir", "target/system-tests")).toAbsolutePath().resolve("benchmark");
        Files.createDirectories(workDir);
        System.out.println("bench: " + settings.describe());
        Benchmark.Results results = new Benchmark(settings, root.resolve("config"), workDir, line -> System.out.println("bench: " + line))
                .runOnOwnPipelines();
        boolean publish = Boolean.parseBoolean(System.getProperty("bench.publish", "false"));
        Path report = publish ? root.resolve("docs/benchmarks.md") : workDir.resolve("benchmarks.md");
        Path charts = publish ? root.resolve("docs/benchmarks") : workDir.resolve("benchmarks");
        BenchmarkReport.write(results, report, charts, System.getProperty("bench.command", "./pipeline bench"));
        System.out.println("bench: targets");
        BenchmarkReport.targets(results).forEach(t -> System.out.printf("bench:   %-62s %-50s %s%n", t.target(), t.measured(), t.result()));
        System.out.printf("bench: report %s, charts in %s (whole run %.0f s)%n", report, charts, results.took().toMillis() / 1e3);
    }
}
