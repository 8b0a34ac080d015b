package io.leadpipeline.nurture.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadpipeline.kafka.TopicProvisioner;
import io.quarkus.runtime.StartupEvent;

/** Creates the topics this service touches when missing; Kafka Streams waits for them (quarkus.kafka-streams.topics). */
@ApplicationScoped
public class TopicSetup {

    private final String bootstrapServers;

    public TopicSetup(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        TopicProvisioner.ensureTopics(bootstrapServers, Topics.ALL);
    }
}
