package io.leadpipeline.nurture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Proves NurtureSettings keeps today's name and default: unset it falls back to the same value, the shipped
 * application.properties binds without a nurture.* key left over (one would stop the start-up), and the documented
 * env var NURTURE_CHECK_INTERVAL still sets it while the launcher's NURTURE_PORT does not trip it.
 */
class NurtureSettingsTest {

    @Test
    void shouldDefaultToTheCheckIntervalItHadBefore() {
        assertEquals(Duration.ofSeconds(5), settings().cadence().checkInterval());
    }

    @Test
    void shouldBindTheShippedApplicationProperties() throws IOException {
        NurtureSettings settings = settings(shipped());

        assertEquals(Duration.ofSeconds(5), settings.cadence().checkInterval());
    }

    @Test
    void shouldTakeTheDocumentedEnvVarAndIgnoreTheLaunchersOthers() throws IOException {
        NurtureSettings settings = settings(shipped(),
                new EnvConfigSource(Map.of("NURTURE_CHECK_INTERVAL", "1s", "NURTURE_PORT", "8084"), 300));

        assertEquals(Duration.ofSeconds(1), settings.cadence().checkInterval());
    }

    private static ConfigSource shipped() throws IOException {
        return new PropertiesConfigSource(NurtureSettingsTest.class.getClassLoader().getResource("application.properties"));
    }

    private static NurtureSettings settings(ConfigSource... sources) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters().withSources(sources)
                .withMapping(NurtureSettings.class).build().getConfigMapping(NurtureSettings.class);
    }
}
