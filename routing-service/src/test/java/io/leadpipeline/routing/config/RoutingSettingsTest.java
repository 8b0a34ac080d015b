package io.leadpipeline.routing.config;

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
 * Proves RoutingSettings keeps today's names and defaults: unset it falls back to the same values, the shipped
 * application.properties binds without a routing.* key left over (one would stop the start-up), and the env vars
 * the launcher and docker-compose.yml set do not trip it.
 */
class RoutingSettingsTest {

    @Test
    void shouldDefaultToTheIntervalsItHadBefore() {
        RoutingSettings settings = settings();

        assertEquals(Duration.ofSeconds(10), settings.tickInterval());
        assertEquals(Duration.ofSeconds(30), settings.commandTimeout());
    }

    @Test
    void shouldBindTheShippedApplicationProperties() throws IOException {
        RoutingSettings settings = settings(new PropertiesConfigSource(
                RoutingSettingsTest.class.getClassLoader().getResource("application.properties")));

        assertEquals(Duration.ofSeconds(10), settings.tickInterval());
        assertEquals(Duration.ofSeconds(30), settings.commandTimeout());
    }

    @Test
    void shouldTakeEnvVarsAndIgnoreTheLaunchersOthers() {
        RoutingSettings settings = settings(new EnvConfigSource(Map.of("ROUTING_COMMAND_TIMEOUT", "5s",
                "ROUTING_TICK_INTERVAL", "PT1S", "ROUTING_PORT", "8083", "ROUTING_STANDBY_REPLICAS", "1"), 300));

        assertEquals(Duration.ofSeconds(1), settings.tickInterval());
        assertEquals(Duration.ofSeconds(5), settings.commandTimeout());
    }

    private static RoutingSettings settings(ConfigSource... sources) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters().withSources(sources)
                .withMapping(RoutingSettings.class).build().getConfigMapping(RoutingSettings.class);
    }
}
