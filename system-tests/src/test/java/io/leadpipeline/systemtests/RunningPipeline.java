package io.leadpipeline.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.leadpipeline.devstack.ChildProcess;
import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.FreePorts;
import io.leadpipeline.devstack.Probes;
import io.leadpipeline.service.security.AccessKeys;
import io.leadpipeline.service.security.Roles;

/**
 * The pipeline as a user runs it: a real broker and registry, and the four packaged services
 * ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on random free ports.
 * A service can be killed and restarted on the same port and state directory, as a supervisor would.
 * Closing stops the services before the broker.
 */
final class RunningPipeline implements AutoCloseable {

    static final List<String> SERVICES = List.of("capture-service", "qualification-service", "routing-service", "nurture-service");
    static final String OPS_CONSOLE = "ops-console";
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);
    /** Longer than any run: the crash run and the benchmark take up to half an hour. */
    private static final Duration TOKEN_TTL = Duration.ofHours(12);

    /**
     * How the pipeline is started: the ops console too, a registry that keeps its schemas on disk, extra JVM flags for every
     * service, which services start with it (the others can be added later with {@link #startServices}), and the folder of
     * rule files the services read (the shipped {@code config/} when null), and whether Kafka asks every client to sign
     * in and enforces the ACLs, as {@code ./pipeline up} runs it.
     */
    record Options(boolean withOpsConsole, boolean persistentRegistry, List<String> serviceJvmFlags, List<String> services,
            Path configDir, boolean securedKafka) {

        Options(boolean withOpsConsole, boolean persistentRegistry, List<String> serviceJvmFlags) {
            this(withOpsConsole, persistentRegistry, serviceJvmFlags, SERVICES, null);
        }

        Options(boolean withOpsConsole, boolean persistentRegistry, List<String> serviceJvmFlags, List<String> services,
                Path configDir) {
            this(withOpsConsole, persistentRegistry, serviceJvmFlags, services, configDir, false);
        }

        /** The pipeline with the ops console, on a broker with SASL sign-in and ACLs. */
        static Options securedWithOpsConsole() {
            return new Options(true, false, List.of(), SERVICES, null, true);
        }

        static Options defaults() {
            return new Options(false, false, List.of());
        }
    }

    /**
     * One service instance's fixed place: restarts reuse its port, state directory and flags. {@code service} is the
     * instance's name: the service's, or {@link #instance another instance}'s.
     */
    private record Slot(String service, int port, Path stateDir, List<String> extraProperties) {
    }

    /** Separates a service's name from an instance number in the name of its second, third… instance. */
    private static final char INSTANCE_SEPARATOR = '#';

    /** The name of instance {@code number} of {@code service} (1 is the service's own name), for {@link #startServices}. */
    static String instance(String service, int number) {
        return number == 1 ? service : service + INSTANCE_SEPARATOR + number;
    }

    /** The service an instance name runs: what {@link #instance} was given. */
    static String serviceOf(String instance) {
        int separator = instance.indexOf(INSTANCE_SEPARATOR);
        return separator < 0 ? instance : instance.substring(0, separator);
    }

    private final DevStack stack;
    private final Path root;
    private final Path workDir;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    private final Map<String, Duration> startupTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> serviceJvmFlags;
    private final Path configDir;
    /** A signing key of this pipeline's own, as ./pipeline up makes one: the services verify with its public half. */
    private final AccessKeys accessKeys;

    private RunningPipeline(DevStack stack, Path root, Path workDir, List<String> serviceJvmFlags, Path configDir) {
        this.accessKeys = AccessKeys.in(workDir.resolve("security"));
        this.stack = stack;
        this.root = root;
        this.workDir = workDir;
        this.serviceJvmFlags = List.copyOf(serviceJvmFlags);
        this.configDir = configDir == null ? root.resolve("config") : configDir;
    }

    static RunningPipeline start() throws Exception {
        return start(Options.defaults());
    }

    /** Starts the pipeline, and the ops console after the services when {@code withOpsConsole}. */
    static RunningPipeline start(boolean withOpsConsole) throws Exception {
        return start(new Options(withOpsConsole, false, List.of()));
    }

    static RunningPipeline start(Options options) throws Exception {
        Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
        Path workDir = Path.of(System.getProperty("pipeline.work-dir", "target/system-tests")).toAbsolutePath();
        Files.createDirectories(workDir);
        Path runDir = Files.createTempDirectory(workDir, "stack-");
        RunningPipeline pipeline = new RunningPipeline(DevStack.start(runDir, options.persistentRegistry(), options.securedKafka()), root, runDir,
                options.serviceJvmFlags(), options.configDir());
        try {
            pipeline.addSideBySide(options.services());
            if (options.withOpsConsole()) {
                pipeline.add(OPS_CONSOLE, List.of("-Dops-console.routing-url=" + pipeline.url("routing-service", ""),
                        "-Dops-console.routing-token=" + pipeline.accessKeys.mint(Roles.OPS, Optional.empty(), "ops-console", TOKEN_TTL)));
            }
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void add(String service, List<String> extraProperties) {
        launch(slot(service, extraProperties));
    }

    private Slot slot(String service, List<String> extraProperties) {
        Slot slot = new Slot(service, FreePorts.next(), workDir.resolve("state-" + service), extraProperties);
        slots.put(service, slot);
        return slot;
    }

    /**
     * Starts the services at the same time, as a supervisor would (each creates the topics it needs, so none waits
     * for another), and returns when all are ready; a failure to start is thrown once every start has ended.
     */
    private void addSideBySide(List<String> services) throws InterruptedException {
        Map<String, Future<ChildProcess>> starting = new LinkedHashMap<>();
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String service : services) {
                Slot slot = slot(service, List.of());
                starting.put(service, starter.submit(() -> startProcess(slot)));
            }
        }
        RuntimeException failed = null;
        for (var start : starting.entrySet()) {
            try {
                processes.put(start.getKey(), start.getValue().get());
            } catch (ExecutionException e) {
                failed = failed == null ? new IllegalStateException(start.getKey() + " did not start", e.getCause()) : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Starts services (or further {@link #instance instances} of one) that are not running yet side by side, as
     * {@link #start} does, and returns when all are ready.
     */
    void startServices(List<String> services) throws InterruptedException {
        addSideBySide(services.stream().filter(service -> !processes.containsKey(service)).toList());
    }

    private void launch(Slot slot) {
        processes.put(slot.service(), startProcess(slot));
    }

    private ChildProcess startProcess(Slot slot) {
        Path jar = root.resolve(serviceOf(slot.service())).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
        }
        List<String> command = ChildProcess.javaCommand();
        command.add("-Xmx256m");
        command.addAll(serviceJvmFlags);
        command.addAll(List.of(
                "-Dquarkus.http.port=" + slot.port(),
                "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Dapicurio.registry.url=" + stack.registryUrl(),
                "-Dkafka-streams.state.dir=" + slot.stateDir(),
                "-Dpipeline.config-dir=" + configDir,
                "-Dmp.jwt.verify.publickey.location=" + accessKeys.verifyKey()));
        // On a secured broker each service signs in as itself, from its private file, as ./pipeline up does it.
        stack.credentials().ifPresent(credentials ->
                command.add("-Dquarkus.config.locations=" + credentials.quarkusSettings(serviceOf(slot.service())).toUri()));
        command.addAll(slot.extraProperties());
        command.addAll(List.of("-jar", jar.toString()));
        long started = System.nanoTime();
        ChildProcess process = ChildProcess.start(slot.service(), command, logFile(slot), SERVICE_START_TIMEOUT,
                () -> Probes.httpOk("http://127.0.0.1:" + slot.port() + "/q/health/ready"));
        startupTimes.put(slot.service(), Duration.ofNanos(System.nanoTime() - started));
        return process;
    }

    /** Each start of a service appends to its own log, so a crash run keeps what every incarnation printed. */
    private Path logFile(Slot slot) {
        Path logs = workDir.resolve("logs");
        try {
            Files.createDirectories(logs);
            int incarnation = 1;
            while (Files.exists(logs.resolve(slot.service() + "-" + incarnation + ".log"))) {
                incarnation++;
            }
            return logs.resolve(slot.service() + "-" + incarnation + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Authorization header value with a token of {@code role} (not closer's: see {@link #closerAuthorization}). */
    /** The public key the services verify tokens with, for a service a test starts by itself. */
    Path verifyKey() {
        return accessKeys.verifyKey();
    }

    String authorization(String role) {
        return "Bearer " + accessKeys.mint(role, Optional.empty(), role, TOKEN_TTL);
    }

    /** An Authorization header value with closer {@code closerId}'s token. */
    String closerAuthorization(String closerId) {
        return "Bearer " + accessKeys.mint(Roles.CLOSER, Optional.of(closerId), closerId, TOKEN_TTL);
    }

    /** SIGKILLs a service, as a crash would: no graceful shutdown, open transactions left to the broker to abort. */
    void kill(String service) {
        ChildProcess process = processes.get(service);
        if (process != null) {
            process.kill();
        }
    }

    /** Stops a service gracefully (SIGTERM), as a deploy or a scale-down would; returns once its process has ended. */
    void stop(String service) {
        ChildProcess process = processes.get(service);
        if (process != null) {
            process.close();
        }
    }

    /** Starts a stopped or killed service again on the same port and state directory; returns once it is ready. */
    void restart(String service) {
        ChildProcess process = processes.get(service);
        if (process != null && process.isAlive()) {
            process.close();
        }
        launch(slots.get(service));
    }

    /** The process id of every running service and the ops console, by name, in start order. */
    Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((service, process) -> {
            if (process.isAlive()) {
                pids.put(service, process.pid());
            }
        });
        return pids;
    }

    /** How long each service's latest start took, from launching its JVM to its readiness check passing. */
    Map<String, Duration> startupTimes() {
        return Map.copyOf(startupTimes);
    }

    String url(String service, String path) {
        return "http://127.0.0.1:" + slots.get(service).port() + path;
    }

    DevStack stack() {
        return stack;
    }

    Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        new ArrayList<>(processes.values()).reversed().forEach(ChildProcess::close);
        stack.close();
    }
}
