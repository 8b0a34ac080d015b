package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's Node.js tools (contracts/, docs/examples/node/) as their READMEs say: {@code npm ci} from the lock
 * file, then {@code node ...}. Fails the test with the command's output when it exits non-zero or runs too long.
 */
final class NodeTool {

    private static final Duration INSTALL = Duration.ofMinutes(5);

    private NodeTool() {
    }

    /** What a command printed (stdout and stderr together). */
    record Output(String text) {
    }

    static Path folder(String relative) {
        return Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize().resolve(relative);
    }

    /** Folders installed by this test JVM: each is installed once. */
    private static final Set<Path> INSTALLED = ConcurrentHashMap.newKeySet();

    /** Installs exactly the locked packages (once per test run). */
    static synchronized void install(Path folder) throws IOException, InterruptedException {
        if (!INSTALLED.contains(folder)) {
            run(folder, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL);
            INSTALLED.add(folder);
        }
    }

    static Output run(Path folder, List<String> command, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-tool-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended && process.exitValue() == 0, String.join(" ", command) + " in " + folder
                    + (ended ? " exited with " + process.exitValue() : " did not end within " + timeout) + ":\n" + text);
            return new Output(text);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
