package io.leadpipeline.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Samples the resident memory (VmRSS of /proc/[pid]/status) and CPU time (utime + stime of /proc/[pid]/stat) of the
 * benchmark's processes once a second, and keeps per phase and process the highest RSS and the CPU used (100% = one
 * core). Linux only: elsewhere it records nothing, and the report says so.
 */
final class ProcessFootprint implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 1_000;
    private static final Path PROC = Path.of("/proc");

    /** One process over one phase: highest RSS in MiB, mean and highest CPU in percent of one core, samples taken. */
    record Usage(double maxRssMiB, double meanCpuPercent, double maxCpuPercent, int samples) {
    }

    private record Sample(long cpuTicks, long nanos) {
    }

    private static final class Accumulator {
        long maxRssKiB;
        long firstTicks = -1;
        long firstNanos;
        long lastTicks;
        long lastNanos;
        double maxCpu;
        int samples;
    }

    private final Supplier<Map<String, Long>> processes;
    private final long ticksPerSecond = clockTicksPerSecond();
    private final Map<String, Map<String, Accumulator>> byPhase = new LinkedHashMap<>();
    private final Map<String, Sample> previous = new LinkedHashMap<>();
    private final Thread thread;
    private volatile String phase;
    private volatile boolean running = true;

    /** @param processes the processes to sample now, by name (asked again at every sample: services come and go) */
    ProcessFootprint(Supplier<Map<String, Long>> processes) {
        this.processes = processes;
        this.thread = Thread.ofPlatform().name("process-footprint").daemon().start(this::run);
    }

    static boolean supported() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** Samples from now on count towards {@code name}; null pauses the accounting. */
    synchronized void phase(String name) {
        this.phase = name;
        previous.clear();
    }

    private void run() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sampleOnce() {
        String current = phase;
        if (current == null || !supported()) {
            return;
        }
        Map<String, Accumulator> usage = byPhase.computeIfAbsent(current, p -> new LinkedHashMap<>());
        long now = System.nanoTime();
        for (var process : processes.get().entrySet()) {
            Optional<Long> rss = rssKiB(process.getValue());
            Optional<Long> ticks = cpuTicks(process.getValue());
            if (rss.isEmpty() || ticks.isEmpty()) {
                continue;
            }
            Accumulator acc = usage.computeIfAbsent(process.getKey(), name -> new Accumulator());
            acc.maxRssKiB = Math.max(acc.maxRssKiB, rss.get());
            Sample before = previous.put(process.getKey(), new Sample(ticks.get(), now));
            if (acc.firstTicks < 0) {
                acc.firstTicks = ticks.get();
                acc.firstNanos = now;
            }
            if (before != null && now > before.nanos()) {
                acc.maxCpu = Math.max(acc.maxCpu, percent(ticks.get() - before.cpuTicks(), now - before.nanos()));
            }
            acc.lastTicks = ticks.get();
            acc.lastNanos = now;
            acc.samples++;
        }
    }

    private double percent(long ticks, long nanos) {
        return ticks * 100.0 / ticksPerSecond / (nanos / 1e9);
    }

    /** Per phase (in the order they ran), per process: what it used. */
    synchronized Map<String, Map<String, Usage>> usage() {
        Map<String, Map<String, Usage>> result = new LinkedHashMap<>();
        byPhase.forEach((name, processes) -> {
            Map<String, Usage> usage = new LinkedHashMap<>();
            processes.forEach((process, acc) -> usage.put(process, new Usage(acc.maxRssKiB / 1024.0,
                    acc.lastNanos > acc.firstNanos ? percent(acc.lastTicks - acc.firstTicks, acc.lastNanos - acc.firstNanos) : Double.NaN,
                    acc.maxCpu, acc.samples)));
            result.put(name, usage);
        });
        return result;
    }

    private static Optional<Long> rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two samples
        }
        return Optional.empty();
    }

    private static Optional<Long> cpuTicks(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name (field 2) may hold spaces: count the fields after its closing parenthesis (field 3 = index 0).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100; // the Linux default (USER_HZ)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
