package io.leadpipeline.service;

import java.util.List;

/**
 * The topics a service reads and writes, dead-letter topics included, and which of them are compacted. Each service
 * produces one as a CDI bean; {@link TopicProvisioning} creates them at start-up when they are missing.
 */
public record ServiceTopics(List<String> topics, List<String> compacted) {

    public ServiceTopics {
        topics = List.copyOf(topics);
        compacted = List.copyOf(compacted);
    }

    public static ServiceTopics of(List<String> topics) {
        return new ServiceTopics(topics, List.of());
    }
}
