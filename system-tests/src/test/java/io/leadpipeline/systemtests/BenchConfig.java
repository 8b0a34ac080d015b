package io.leadpipeline.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The rule files a benchmark pipeline reads: the shipped {@code config/} unchanged (scoring, nurture, sites and forms),
 * except two things a benchmark must not measure. Every closer works around the clock with the same capacity, so what
 * routing does, and when closers are full, does not depend on the hour the run starts; and the per-API-key limit of
 * capture.yaml (10,000 requests/s) is lifted, so the load generator measures capture and not its limiter.
 */
final class BenchConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Far above any load the benchmark offers. */
    private static final int UNLIMITED_REQUESTS_PER_SECOND = 10_000_000;

    private BenchConfig() {
    }

    /** Writes the files to {@code dir} with every closer on duty around the clock and holding up to {@code closerCapacity}. */
    static Path write(Path shipped, Path dir, int closerCapacity) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectNode routing = (ObjectNode) YAML.readTree(shipped.resolve("routing.yaml").toFile());
        for (JsonNode closer : routing.withArray("closers")) {
            ((ObjectNode) closer).put("workingHours", "always").put("capacity", closerCapacity).put("active", true);
        }
        YAML.writeValue(dir.resolve("routing.yaml").toFile(), routing);
        ObjectNode capture = (ObjectNode) YAML.readTree(shipped.resolve("capture.yaml").toFile());
        capture.withObject("/rateLimits/perApiKey").put("requests", UNLIMITED_REQUESTS_PER_SECOND).put("per", "1s");
        YAML.writeValue(dir.resolve("capture.yaml").toFile(), capture);
        return dir;
    }
}
