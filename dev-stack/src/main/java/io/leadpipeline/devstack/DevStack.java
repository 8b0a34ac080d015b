package io.leadpipeline.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Kafka broker (single-node KRaft) and a real Apicurio Registry, each in its own JVM on random free
 * loopback ports. Stop order matters: {@link #close()} stops the broker before the registry, and callers stop
 * their services before calling it.
 */
public final class DevStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final DevStackLayout layout;
    private final Path workDir;
    private final int kafkaPort = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private final int registryPort = FreePorts.next();
    private final int registryManagementPort = FreePorts.next();
    private final boolean persistentRegistry;
    /** Present when the broker asks clients to sign in and enforces {@link KafkaAccess}'s ACLs. */
    private final Optional<KafkaCredentials> credentials;
    private ChildProcess broker;
    private ChildProcess registry;

    private DevStack(DevStackLayout layout, Path workDir, boolean persistentRegistry, boolean secured) {
        this.layout = layout;
        this.workDir = workDir;
        this.persistentRegistry = persistentRegistry;
        this.credentials = secured ? Optional.of(KafkaCredentials.in(workDir.resolve("security/kafka"))) : Optional.empty();
    }

    /** Starts broker and registry in parallel; their data and logs go under {@code workDir}; the registry keeps its schemas in memory. */
    public static DevStack start(Path workDir) {
        return start(workDir, false);
    }

    /**
     * Starts broker and registry in parallel; with {@code persistentRegistry} the registry keeps its schemas in an H2 file
     * under {@code workDir}, as the local run does, so a restarted registry serves the same schema ids.
     */
    public static DevStack start(Path workDir, boolean persistentRegistry) {
        return start(workDir, persistentRegistry, false);
    }

    /**
     * As {@link #start(Path, boolean)}; with {@code secured} the broker runs as {@code ./pipeline up} runs it: SASL
     * sign-in, the ACLs of {@link KafkaAccess}, credentials generated under {@code workDir/security/kafka}.
     */
    public static DevStack start(Path workDir, boolean persistentRegistry, boolean secured) {
        DevStack stack = new DevStack(DevStackLayout.fromBuild(), workDir.toAbsolutePath(), persistentRegistry, secured);
        try {
            CompletableFuture<Void> registry = CompletableFuture.runAsync(stack::startRegistry);
            stack.startBroker();
            stack.credentials.ifPresent(secret -> KafkaAccessSetup.apply(stack.bootstrapServers(), secret));
            registry.join();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public static DevStack startInTempDir() {
        try {
            return start(Files.createTempDirectory("lead-pipeline-dev-stack-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /**
     * What a test's own Kafka client needs: the bootstrap servers and, on a secured broker, the super user's sign-in
     * (tests write poison records and read every topic).
     */
    public Map<String, Object> clientSettings() {
        return credentials.map(secret -> KafkaAccessSetup.adminSettings(bootstrapServers(), secret))
                .orElseGet(() -> new java.util.HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers())));
    }

    /** The generated credentials when the broker is secured. */
    public Optional<KafkaCredentials> credentials() {
        return credentials;
    }

    /** Base URL of the registry, e.g. for {@code /apis/ccompat/v7}. */
    public String registryBaseUrl() {
        return "http://127.0.0.1:" + registryPort;
    }

    /** The URL the Apicurio serdes take ({@code apicurio.registry.url}). */
    public String registryUrl() {
        return registryBaseUrl() + "/apis/registry/v3";
    }

    public Path workDir() {
        return workDir;
    }

    /** Starts (or restarts, on the same port and data) the broker. */
    public synchronized void startBroker() {
        if (broker != null && broker.isAlive()) {
            return;
        }
        List<String> command = ChildProcess.javaCommand();
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", layout.brokerClasspath(), KafkaBrokerMain.class.getName(),
                "--port", Integer.toString(kafkaPort),
                "--controller-port", Integer.toString(controllerPort),
                "--data-dir", workDir.resolve("kafka").toString(),
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));
        credentials.ifPresent(secret -> command.addAll(List.of("--secure-dir", secret.dir().toString())));
        broker = ChildProcess.start("kafka-broker", command,
                workDir.resolve("logs/kafka.log"), START_TIMEOUT, this::brokerReady);
    }

    /** Stops the broker, keeping its data: for tests of what happens while Kafka is down. */
    public synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** SIGKILLs the broker, keeping its data: for tests of a crash; {@link #startBroker()} restarts it on the same data. */
    public synchronized void killBroker() {
        if (broker != null) {
            broker.kill();
        }
    }

    /** Stops the registry: for tests of what happens while it is unreachable. Unless persistent, it keeps no data. */
    public synchronized void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** Starts (or restarts, on the same port) the registry. A restarted registry is empty unless persistent. */
    public synchronized void startRegistry() {
        if (registry != null && registry.isAlive()) {
            return;
        }
        List<String> command = ChildProcess.javaCommand();
        command.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + registryPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + registryManagementPort,
                "-Dquarkus.log.level=WARN"));
        if (persistentRegistry) {
            command.add("-Dapicurio.datasource.url=jdbc:h2:file:" + workDir.resolve("registry/registry"));
        }
        command.addAll(List.of("-jar", layout.registryJar().toString()));
        registry = ChildProcess.start("apicurio-registry", command,
                workDir.resolve("logs/registry.log"), START_TIMEOUT,
                () -> Probes.httpOk(registryUrl() + "/system/info"));
        Probes.requireBackwardCompatibility(registryBaseUrl());
    }

    private boolean brokerReady() {
        if (!Probes.portOpen(kafkaPort)) {
            return false;
        }
        Map<String, Object> settings = clientSettings();
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(settings)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (broker != null) {
            broker.close();
        }
        if (registry != null) {
            registry.close();
        }
    }
}
