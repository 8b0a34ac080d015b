package io.leadpipeline.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Proves the Kafka Streams member id the services get from service-support's defaults: a container's host name and
 * port (stable across restarts, distinct per instance), a fresh one per start elsewhere, and always a legal group
 * instance id (letters, digits, '.', '_', '-'), which the consumer would otherwise refuse at start-up.
 */
class StreamsMemberIdTest {

    private static final String MEMBER_ID = "kafka-streams.main.consumer.group.instance.id";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    @Test
    void shouldBeTheContainersHostNameAndPortWhereHostnameIsSet() throws IOException {
        String id = memberId(Map.of("HOSTNAME", "qualification-7d9f8-x2k4q"), "8082", "0b6c1f0e-5e2a-4d0e-9a55-6f1d2c3b4a59");

        assertEquals("qualification-service-qualification-7d9f8-x2k4q-8082", id);
        assertEquals(id, memberId(Map.of("HOSTNAME", "qualification-7d9f8-x2k4q"), "8082", "another-start"),
                "the same after a restart");
        assertNotEquals(id, memberId(Map.of("HOSTNAME", "qualification-7d9f8-x2k4q"), "8092", "0b6c1f0e"),
                "another instance on the same host has another port");
    }

    @Test
    void shouldBeFreshAtEveryStartWithoutAHostName() throws IOException {
        String first = memberId(Map.of(), "8082", "0b6c1f0e-5e2a-4d0e-9a55-6f1d2c3b4a59");
        String second = memberId(Map.of(), "8082", "9f2e6d1c-0a3b-4c5d-8e7f-1a2b3c4d5e6f");

        assertEquals("qualification-service-0b6c1f0e-5e2a-4d0e-9a55-6f1d2c3b4a59-8082", first);
        assertNotEquals(first, second);
        assertTrue(LEGAL.matcher(first).matches() && LEGAL.matcher(second).matches(), "legal group instance ids: " + first + ", " + second);
    }

    /** The id as a service resolves it: service-support's defaults, the env, and what Quarkus sets (name, port, uuid). */
    private static String memberId(Map<String, String> env, String httpPort, String uuid) throws IOException {
        ConfigSource defaults = new PropertiesConfigSource(
                StreamsMemberIdTest.class.getClassLoader().getResource("META-INF/microprofile-config.properties"));
        ConfigSource quarkus = new PropertiesConfigSource(Map.of("quarkus.application.name", "qualification-service",
                "quarkus.http.port", httpPort, "quarkus.uuid", uuid), "quarkus", 250);
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(defaults, quarkus, new EnvConfigSource(env, 300))
                .build().getValue(MEMBER_ID, String.class);
    }
}
