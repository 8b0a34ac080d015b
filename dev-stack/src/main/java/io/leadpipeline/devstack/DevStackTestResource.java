package io.leadpipeline.devstack;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real broker and registry on random free ports for {@code @QuarkusTest}s, wired into
 * the service's configuration ({@code kafka.bootstrap.servers}, {@code apicurio.registry.url}) and with a Kafka
 * Streams state directory of each application's own. Every test class of a test JVM shares one broker and registry
 * (started on first use, stopped when the JVM ends), so a new test profile costs an application start, not a stack
 * start. A class that stops the registry (whose schemas are then gone) asks for a stack of its own with
 * {@code initArgs = @ResourceArg(name = DevStackTestResource.OWN_STACK, value = "true")}; Quarkus stops the
 * application before this resource, so services stop first.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: {@code "true"} gives the test class a broker and registry of its own, stopped after it. */
    public static final String OWN_STACK = "own-stack";

    private static final AtomicInteger APPLICATIONS = new AtomicInteger();
    private static DevStack shared;

    private boolean own;
    private DevStack stack;

    @Override
    public void init(Map<String, String> initArgs) {
        own = Boolean.parseBoolean(initArgs.get(OWN_STACK));
    }

    @Override
    public Map<String, String> start() {
        stack = own ? DevStack.startInTempDir() : shared();
        return Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "apicurio.registry.url", stack.registryUrl(),
                "kafka-streams.state.dir", stack.workDir().resolve("streams-state-" + APPLICATIONS.incrementAndGet()).toString());
    }

    private static synchronized DevStack shared() {
        if (shared == null) {
            DevStack started = DevStack.startInTempDir();
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

    @Override
    public void stop() {
        if (own && stack != null) {
            stack.close();
        }
    }
}
