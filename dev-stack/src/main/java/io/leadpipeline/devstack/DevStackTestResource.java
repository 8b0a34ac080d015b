package io.leadpipeline.devstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real broker and registry on random free ports for {@code @QuarkusTest}s, wired into
 * the service's configuration ({@code kafka.bootstrap.servers}, {@code apicurio.registry.url}) and with a private
 * Kafka Streams state directory. Quarkus stops the application before this resource, so services stop first.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private DevStack stack;

    @Override
    public Map<String, String> start() {
        stack = DevStack.startInTempDir();
        return Map.of(
                "kafka.bootstrap.servers", stack.bootstrapServers(),
                "apicurio.registry.url", stack.registryUrl(),
                "kafka-streams.state.dir", stack.workDir().resolve("streams-state").toString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stack,
                new TestInjector.AnnotatedAndMatchesType(InjectDevStack.class, DevStack.class));
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
