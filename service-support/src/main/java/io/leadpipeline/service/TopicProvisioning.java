package io.leadpipeline.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


import io.leadpipeline.kafka.TopicProvisioner;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the service's {@link ServiceTopics} at start-up when they are missing, so the services may start in any
 * order (Kafka Streams waits for its inputs: quarkus.kafka-streams.topics). One bean for every service.
 */
@ApplicationScoped
public class TopicProvisioning {

    private final KafkaClientSettings kafka;
    private final ServiceTopics topics;

    TopicProvisioning(KafkaClientSettings kafka, ServiceTopics topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    void onStart(@Observes StartupEvent event) {
        TopicProvisioner.ensureTopics(kafka.connection(), topics.topics(), topics.compacted());
    }
}
