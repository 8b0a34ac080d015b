package io.leadpipeline.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadpipeline.kafka.TopicProvisioner;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the service's {@link ServiceTopics} at start-up when they are missing, so the services may start in any
 * order (Kafka Streams waits for its inputs: quarkus.kafka-streams.topics). One bean for every service.
 */
@ApplicationScoped
public class TopicProvisioning {

    private final String bootstrapServers;
    private final ServiceTopics topics;

    TopicProvisioning(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ServiceTopics topics) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
    }

    void onStart(@Observes StartupEvent event) {
        TopicProvisioner.ensureTopics(bootstrapServers, topics.topics(), topics.compacted());
    }
}
