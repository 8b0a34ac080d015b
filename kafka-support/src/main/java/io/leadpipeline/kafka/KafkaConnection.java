package io.leadpipeline.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How a plain Kafka client (an admin client, a probe, the dead-letter producer) reaches the broker: the bootstrap
 * servers plus, on a secured broker, the same sign-in the service's Quarkus-managed clients use (docs/security.md).
 */
public final class KafkaConnection {

    /** The settings that say how to sign in; absent on a plaintext broker. */
    public static final List<String> SIGN_IN_KEYS = List.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            SaslConfigs.SASL_MECHANISM, SaslConfigs.SASL_JAAS_CONFIG);

    /** The prefix of the same keys in Quarkus' configuration. */
    private static final String QUARKUS_PREFIX = "kafka.";

    private KafkaConnection() {
    }

    /** A new, mutable client configuration: the bootstrap servers and the sign-in keys present in {@code signIn}. */
    public static Map<String, Object> of(String bootstrapServers, Map<String, ?> signIn) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        SIGN_IN_KEYS.forEach(key -> {
            if (signIn.get(key) != null) {
                config.put(key, signIn.get(key));
            }
        });
        return config;
    }

    public static Map<String, Object> plaintext(String bootstrapServers) {
        return of(bootstrapServers, Map.of());
    }

    /**
     * The sign-in stored in a service's or tool's credentials file ({@code kafka.security.protocol=…} etc., the file
     * {@code ./pipeline up} writes under .pipeline/security/kafka/ and a service loads with quarkus.config.locations).
     */
    public static Map<String, Object> signInFrom(Path quarkusSettingsFile) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(quarkusSettingsFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka credentials in " + quarkusSettingsFile, e);
        }
        Map<String, Object> signIn = new HashMap<>();
        SIGN_IN_KEYS.forEach(key -> {
            String value = properties.getProperty(QUARKUS_PREFIX + key);
            if (value != null) {
                signIn.put(key, value);
            }
        });
        return signIn;
    }

    /** The connection part of another client's configuration (e.g. the Kafka Streams app's), for a client of its own. */
    public static Map<String, Object> copiedFrom(Map<String, ?> clientConfig) {
        return of(String.valueOf(clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)), clientConfig);
    }
}
