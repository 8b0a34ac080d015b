package io.leadpipeline.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadpipeline.kafka.KafkaConnection;

/**
 * The connection the service's own plain Kafka clients (topic provisioning, the readiness probe, the console's reader)
 * use: the same {@code kafka.*} keys Quarkus gives its messaging clients. On a secured broker {@code ./pipeline up}
 * loads the service's sign-in from a private file with {@code quarkus.config.locations} (docs/security.md).
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> connection;

    KafkaClientSettings(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "kafka.security.protocol") Optional<String> securityProtocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> saslMechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> saslJaasConfig) {
        Map<String, Object> signIn = new HashMap<>();
        securityProtocol.ifPresent(value -> signIn.put("security.protocol", value));
        saslMechanism.ifPresent(value -> signIn.put("sasl.mechanism", value));
        saslJaasConfig.ifPresent(value -> signIn.put("sasl.jaas.config", value));
        this.connection = Map.copyOf(KafkaConnection.of(bootstrapServers, signIn));
    }

    /** A new, mutable client configuration with the bootstrap servers and the sign-in (when there is one). */
    public Map<String, Object> connection() {
        return new HashMap<>(connection);
    }
}
