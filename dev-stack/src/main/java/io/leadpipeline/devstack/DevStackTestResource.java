package io.leadpipeline.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real broker and registry on random free ports for {@code @QuarkusTest}s, wired into
 * the service's configuration ({@code kafka.bootstrap.servers}, {@code apicurio.registry.url}) and with a Kafka
 * Streams state directory of each application's own. Every test class of a test JVM shares one broker and registry
 * (started on first use, stopped when the JVM ends), so a new test profile costs an application start, not a stack
 * start. The registry keeps its schemas in a file, as the local run does, so a class may stop the broker or the
 * registry and start it again (qualification's readiness test and capture's Kafka-down test do) without the classes after it losing a schema id; Quarkus
 * stops the application before this resource, so services stop first.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger APPLICATIONS = new AtomicInteger();
    private static DevStack shared;

    private DevStack stack;

    @Override
    public Map<String, String> start() {
        stack = shared();
        return Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "apicurio.registry.url", stack.registryUrl(),
                "kafka-streams.state.dir", stack.workDir().resolve("streams-state-" + APPLICATIONS.incrementAndGet()).toString());
    }

    private static synchronized DevStack shared() {
        if (shared == null) {
            DevStack started = startPersistent();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-dev-stack"));
            shared = started;
        }
        // A class before may have stopped the broker and started it again; make sure it is up.
        shared.startBroker();
        return shared;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stack,
                new TestInjector.AnnotatedAndMatchesType(InjectDevStack.class, DevStack.class));
    }

    private static DevStack startPersistent() {
        try {
            return DevStack.start(Files.createTempDirectory("lead-pipeline-dev-stack-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The shared stack outlives each application: a shutdown hook stops it with the JVM.
    }
}
