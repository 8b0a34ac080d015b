package io.leadpipeline.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process with its output in a log file, started until a readiness probe passes, and stopped gracefully. */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildProcess start(String name, List<String> command, Path logFile, Duration timeout,
            BooleanSupplier ready) {
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            ChildProcess child = new ChildProcess(name, process, logFile);
            Runtime.getRuntime().addShutdownHook(new Thread(child::close, "stop-" + name));
            child.awaitReady(timeout, ready);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * System property with extra JVM flags for every child JVM. The suite sets {@code -XX:TieredStopAtLevel=1}: its
     * JVMs live for seconds to minutes, and without the optimising compiler they start on about half the CPU.
     * Unset for {@code ./pipeline}, whose processes run with the JVM's defaults.
     */
    public static final String CHILD_JVM_FLAGS = "dev-stack.child-jvm-flags";

    /** The start of a child JVM's command line: this JVM's java binary and the {@link #CHILD_JVM_FLAGS}. */
    public static List<String> javaCommand() {
        List<String> command = new java.util.ArrayList<>();
        command.add(currentJava());
        for (String flag : System.getProperty(CHILD_JVM_FLAGS, "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        return command;
    }

    /** The java binary of this JVM: we run on a JDK 21+ (the build enforces it), which the registry needs too. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; last output:\n" + tail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; last output:\n" + tail());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGKILL, as a crash or the OOM killer would end it: no shutdown hook, no flush, no goodbye to the group. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL after 30 s: the broker needs a moment to close its logs cleanly. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
