package io.leadpipeline.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Proves PipelineSettings reads pipeline.config-dir as the services did: unset, or empty as the services'
 * {@code ${PIPELINE_CONFIG_DIR:}} leaves it, means the built-in rules; the env var and a system property set it.
 */
class PipelineSettingsTest {

    @Test
    void shouldHaveNoFolderWhenUnsetOrEmpty() {
        assertEquals(Optional.empty(), settings().configDir());
        assertEquals(Optional.empty(), settings(shipped()).configDir());
    }

    @Test
    void shouldTakeTheFolderFromTheEnvVarOrASystemProperty() {
        assertEquals(Optional.of(Path.of("/config")),
                settings(shipped(), new EnvConfigSource(Map.of("PIPELINE_CONFIG_DIR", "/config"), 300)).configDir());
        assertEquals(Optional.of(Path.of("/edited")),
                settings(shipped(), new PropertiesConfigSource(Map.of("pipeline.config-dir", "/edited"), "system properties", 400)).configDir());
    }

    /** The line in qualification's and routing's application.properties. */
    private static ConfigSource shipped() {
        return new PropertiesConfigSource(Map.of("pipeline.config-dir", "${PIPELINE_CONFIG_DIR:}"), "application.properties", 250);
    }

    private static PipelineSettings settings(ConfigSource... sources) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters().withSources(sources)
                .withMapping(PipelineSettings.class).build().getConfigMapping(PipelineSettings.class);
    }
}
