package io.leadpipeline.nurture.config;

import java.util.List;

import io.leadpipeline.kafka.DeadLetters;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.service.ServiceTopics;

/**
 * Topics nurture-service reads (all keyed by lead id and co-partitioned, so one task sees all of a lead's events)
 * and the ones it writes (enrollments and touches, their only writer).
 */
public final class Topics {

    public static final String DECISIONS = "lead.decisions";
    public static final String HANDOFF_OUTCOMES = "lead.handoff-outcomes";
    public static final String ENGAGEMENTS = "lead.engagements";
    public static final String NURTURE_ENROLLMENTS = "lead.nurture-enrollments";
    public static final String NURTURE_TOUCHES = "lead.nurture-touches";

    public static final List<String> INPUTS = List.of(DECISIONS, HANDOFF_OUTCOMES, ENGAGEMENTS);

    /** Everything this service touches, created at start-up when missing, dead-letter topics included. */
    public static final List<String> ALL = List.of(DECISIONS, HANDOFF_OUTCOMES, ENGAGEMENTS, NURTURE_ENROLLMENTS,
            NURTURE_TOUCHES, DeadLetters.topicFor(DECISIONS), DeadLetters.topicFor(HANDOFF_OUTCOMES),
            DeadLetters.topicFor(ENGAGEMENTS));

    /** What service-support's TopicProvisioning creates at start-up when missing. */
    @Produces
    @Singleton
    static ServiceTopics provisioned() {
        return ServiceTopics.of(ALL);
    }

    private Topics() {
    }
}
