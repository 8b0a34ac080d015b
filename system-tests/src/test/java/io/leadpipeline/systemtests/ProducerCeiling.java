package io.leadpipeline.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.leadpipeline.devstack.ChildProcess;
import io.leadpipeline.kafka.TopicProvisioner;

/**
 * The broker's ceiling for capture's kind of write: Kafka's own {@code ProducerPerformance} (kafka-tools) in a JVM of
 * its own, with capture's producer settings (acks=all, idempotent, lz4, linger 5 ms) and records about the size of a
 * {@code ConversionCaptured}, on a topic of its own that is deleted afterwards.
 */
final class ProducerCeiling {

    static final String TOPIC = "bench.producer-performance";
    static final int RECORD_BYTES = 700;
    static final String PRODUCER_SETTINGS = "acks=all enable.idempotence=true compression.type=lz4 linger.ms=5";

    /** ProducerPerformance's summary line: records/s, MB/s, average and max latency, and its percentiles (ms). */
    record Result(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMillis,
            double maxLatencyMillis, double p50Millis, double p95Millis, double p99Millis, String line) {
    }

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private ProducerCeiling() {
    }

    static Result run(String bootstrapServers, long records, Path logFile) throws IOException, InterruptedException {
        TopicProvisioner.ensureTopics(bootstrapServers, List.of(TOPIC));
        List<String> command = ChildProcess.javaCommand();
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Long.toString(records), "--record-size", Integer.toString(RECORD_BYTES),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers));
        command.addAll(List.of(PRODUCER_SETTINGS.split(" ")));
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("ProducerPerformance did not finish within 10 minutes; see " + logFile);
            }
        } finally {
            process.destroyForcibly();
            deleteTopic(bootstrapServers);
        }
        List<String> lines = Files.readAllLines(logFile);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = SUMMARY.matcher(lines.get(i));
            if (m.find()) {
                return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                        Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)), lines.get(i).trim());
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary (exit " + process.exitValue() + "); see " + logFile);
    }

    private static void deleteTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Only benchmark bytes: a topic left behind harms nothing.
        }
    }
}
