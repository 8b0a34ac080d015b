package io.leadpipeline.qualification.config;

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
 * Proves QualificationSettings keeps today's names and defaults: unset it falls back to the same values, the shipped
 * application.properties binds without a qualification.* key left over (one would stop the start-up), and the env
 * vars the launcher and docker-compose.yml set do not trip it.
 */
class QualificationSettingsTest {

    @Test
    void shouldDefaultToTheValuesItHadBefore() {
        QualificationSettings settings = settings();

        assertEquals(Duration.ofHours(1), settings.scanInterval());
        assertEquals("localhost", settings.advertisedHost());
    }

    @Test
    void shouldBindTheShippedApplicationProperties() throws IOException {
        QualificationSettings settings = settings(new PropertiesConfigSource(
                QualificationSettingsTest.class.getClassLoader().getResource("application.properties")));

        assertEquals(Duration.ofHours(1), settings.scanInterval());
        assertEquals("localhost", settings.advertisedHost());
    }

    @Test
    void shouldTakeTheDocumentedEnvVarsAndIgnoreTheLaunchersOthers() throws IOException {
        QualificationSettings settings = settings(new PropertiesConfigSource(
                        QualificationSettingsTest.class.getClassLoader().getResource("application.properties")),
                new EnvConfigSource(Map.of("QUALIFICATION_SCAN_INTERVAL", "PT5M",
                        "QUALIFICATION_ADVERTISED_HOST", "qualification", "QUALIFICATION_PORT", "8082"), 300));

        assertEquals(Duration.ofMinutes(5), settings.scanInterval());
        assertEquals("qualification", settings.advertisedHost());
    }

    private static QualificationSettings settings(ConfigSource... sources) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters().withSources(sources)
                .withMapping(QualificationSettings.class).build().getConfigMapping(QualificationSettings.class);
    }
}
