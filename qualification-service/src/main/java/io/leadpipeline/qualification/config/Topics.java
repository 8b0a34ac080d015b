package io.leadpipeline.qualification.config;

import java.util.List;
import java.util.stream.Stream;

import io.leadpipeline.kafka.DeadLetters;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.service.ServiceTopics;

/**
 * Topics qualification-service reads and the one it writes (lead.decisions, its only writer). All inputs are keyed
 * by lead id with the same partition count (co-partitioned), so one processor with one store sees every event of a lead.
 */
public final class Topics {

    public static final String CONVERSIONS = "lead.conversions";
    public static final String ENGAGEMENTS = "lead.engagements";
    public static final String HANDOFF_OUTCOMES = "lead.handoff-outcomes";
    public static final String NURTURE_ENROLLMENTS = "lead.nurture-enrollments";
    public static final String DECISIONS = "lead.decisions";

    public static final List<String> INPUTS = List.of(CONVERSIONS, ENGAGEMENTS, HANDOFF_OUTCOMES, NURTURE_ENROLLMENTS);

    /** Everything this service touches, created at start-up when missing, dead-letter topics included. */
    public static final List<String> ALL = Stream.concat(Stream.concat(INPUTS.stream(), Stream.of(DECISIONS)),
            INPUTS.stream().map(DeadLetters::topicFor)).toList();

    /** What service-support's TopicProvisioning creates at start-up when missing. */
    @Produces
    @Singleton
    static ServiceTopics provisioned() {
        return ServiceTopics.of(ALL);
    }

    private Topics() {
    }
}
