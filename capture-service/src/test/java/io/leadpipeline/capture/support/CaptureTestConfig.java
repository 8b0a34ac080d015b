package io.leadpipeline.capture.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Test resource: starts the customer's {@link Website} and gives capture a {@code capture.yaml} whose pages live on
 * it (from the template {@code src/test/resources/test-config}), through {@code pipeline.config-dir} as in production.
 * Trusts X-Forwarded-For so tests can act as different client IPs.
 */
public class CaptureTestConfig implements QuarkusTestResourceLifecycleManager {

    private static final String TEMPLATE = "test-config";

    private Website website;

    @Override
    public Map<String, String> start() {
        website = Website.start();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TEMPLATE + "/capture.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${website}", website.origin());
            Path dir = Files.createTempDirectory("capture-config-");
            Files.writeString(dir.resolve("capture.yaml"), yaml);
            return Map.of("pipeline.config-dir", dir.toString(),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(website, new TestInjector.AnnotatedAndMatchesType(InjectWebsite.class, Website.class));
    }

    @Override
    public void stop() {
        if (website != null) {
            website.close();
        }
    }
}
