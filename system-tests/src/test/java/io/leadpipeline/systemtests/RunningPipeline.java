package io.leadpipeline.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadpipeline.devstack.ChildProcess;
import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.FreePorts;
import io.leadpipeline.devstack.Probes;

/**
 * The pipeline as a user runs it: a real broker and registry, and the four packaged services
 * ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on random free ports.
 * Closing stops the services before the broker.
 */
final class RunningPipeline implements AutoCloseable {

    static final List<String> SERVICES = List.of("capture-service", "qualification-service", "routing-service", "nurture-service");
    static final String OPS_CONSOLE = "ops-console";

    private final DevStack stack;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<ChildProcess> services = new ArrayList<>();

    private RunningPipeline(DevStack stack) {
        this.stack = stack;
    }

    static RunningPipeline start() throws Exception {
        return start(false);
    }

    /** Starts the pipeline, and the ops console after the services when {@code withOpsConsole}. */
    static RunningPipeline start(boolean withOpsConsole) throws Exception {
        Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
        Path workDir = Path.of(System.getProperty("pipeline.work-dir", "target/system-tests")).toAbsolutePath();
        Files.createDirectories(workDir);
        RunningPipeline pipeline = new RunningPipeline(DevStack.start(Files.createTempDirectory(workDir, "stack-")));
        try {
            for (String service : SERVICES) {
                pipeline.startService(root, workDir, service, List.of());
            }
            if (withOpsConsole) {
                pipeline.startService(root, workDir, OPS_CONSOLE,
                        List.of("-Dops-console.routing-url=" + pipeline.url("routing-service", "")));
            }
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startService(Path root, Path workDir, String service, List<String> extraProperties) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
        }
        int port = FreePorts.next();
        ports.put(service, port);
        List<String> command = new ArrayList<>(List.of(ChildProcess.currentJava(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Dapicurio.registry.url=" + stack.registryUrl(),
                "-Dkafka-streams.state.dir=" + workDir.resolve("state-" + port),
                "-Dpipeline.config-dir=" + root.resolve("config")));
        command.addAll(extraProperties);
        command.addAll(List.of("-jar", jar.toString()));
        services.add(ChildProcess.start(service, command, workDir.resolve("logs/" + service + "-" + port + ".log"),
                Duration.ofSeconds(120), () -> Probes.httpOk(url(service, "/q/health/ready"))));
    }

    String url(String service, String path) {
        return "http://127.0.0.1:" + ports.get(service) + path;
    }

    DevStack stack() {
        return stack;
    }

    @Override
    public void close() {
        services.reversed().forEach(ChildProcess::close);
        stack.close();
    }
}
