package io.leadpipeline.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service touches when they do not exist yet, with the broker's default partition count
 * and replication factor (compacted where asked), so the services can start in any order. Safe to run from several
 * instances at once. Hand-written because neither Quarkus nor SmallRye creates topics outside Dev Services.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Map<String, String> COMPACT = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private TopicProvisioner() {
    }

    public static void ensureTopics(String bootstrapServers, Collection<String> topics) {
        ensureTopics(bootstrapServers, topics, List.of());
    }

    /** As {@link #ensureTopics(String, Collection)}, creating {@code compacted} with {@code cleanup.policy=compact}. */
    public static void ensureTopics(String bootstrapServers, Collection<String> topics, Collection<String> compacted) {
        ensureTopics(KafkaConnection.plaintext(bootstrapServers), topics, compacted);
    }

    /** As {@link #ensureTopics(String, Collection, Collection)}, on a {@link KafkaConnection} (a secured broker, say). */
    public static void ensureTopics(Map<String, Object> connection, Collection<String> topics, Collection<String> compacted) {
        Object bootstrapServers = connection.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Map<String, Object> settings = new java.util.HashMap<>(connection);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            Set<NewTopic> missing = Stream.concat(topics.stream(), compacted.stream())
                    .distinct()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> compacted.contains(topic)
                            ? new NewTopic(topic, Optional.empty(), Optional.empty()).configs(COMPACT)
                            : new NewTopic(topic, Optional.empty(), Optional.empty()))
                    .collect(Collectors.toSet());
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((topic, created) -> {
                try {
                    created.get(60, TimeUnit.SECONDS);
                    LOG.info("Created topic {}", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while creating topic " + topic, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka did not create topic " + topic + " within 60 s", e);
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka at " + bootstrapServers + " to check the topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking topics", e);
        }
    }
}
