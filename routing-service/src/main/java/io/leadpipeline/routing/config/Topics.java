package io.leadpipeline.routing.config;

import java.util.List;

import io.leadpipeline.kafka.DeadLetters;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.service.ServiceTopics;

/**
 * Topics routing-service reads and the ones it writes. It is the only writer of lead.handoffs,
 * lead.handoff-outcomes, lead.handoff-responses and lead.closer-availability.
 */
public final class Topics {

    public static final String DECISIONS = "lead.decisions";
    /** What leads did; routing reads only the erasure requests (capture writes it). */
    public static final String ENGAGEMENTS = "lead.engagements";
    public static final String HANDOFFS = "lead.handoffs";
    public static final String HANDOFF_OUTCOMES = "lead.handoff-outcomes";
    /** Closers' accept / reject commands from the HTTP API (key: lead id), applied by the routing desk. */
    public static final String HANDOFF_RESPONSES = "lead.handoff-responses";
    /** Closers' availability (key: closer id), compacted: the latest value per closer is kept for ever. */
    public static final String CLOSER_AVAILABILITY = "lead.closer-availability";

    /** The topics the topology reads; Kafka Streams starts once they exist. */
    public static final List<String> INPUTS = List.of(DECISIONS, HANDOFF_RESPONSES, CLOSER_AVAILABILITY, ENGAGEMENTS);

    /** Topics created with the broker's defaults when missing, dead-letter topics included. */
    public static final List<String> ALL = List.of(DECISIONS, ENGAGEMENTS, HANDOFFS, HANDOFF_OUTCOMES, HANDOFF_RESPONSES,
            DeadLetters.topicFor(DECISIONS), DeadLetters.topicFor(HANDOFF_RESPONSES), DeadLetters.topicFor(CLOSER_AVAILABILITY),
            DeadLetters.topicFor(ENGAGEMENTS));

    /** Topics created compacted when missing. */
    public static final List<String> COMPACTED = List.of(CLOSER_AVAILABILITY);

    /** What service-support's TopicProvisioning creates at start-up when missing. */
    @Produces
    @Singleton
    static ServiceTopics provisioned() {
        return new ServiceTopics(ALL, COMPACTED);
    }

    private Topics() {
    }
}
