package io.leadpipeline.nurture.config;

import java.util.List;

import io.leadpipeline.kafka.DeadLetters;

/** Topics nurture-service reads and the ones it writes (enrollments and touches, their only writer). */
public final class Topics {

    public static final String DECISIONS = "lead.decisions";
    public static final String NURTURE_ENROLLMENTS = "lead.nurture-enrollments";
    public static final String NURTURE_TOUCHES = "lead.nurture-touches";

    /** Everything this service touches, created at start-up when missing, dead-letter topics included. */
    public static final List<String> ALL = List.of(DECISIONS, NURTURE_ENROLLMENTS, NURTURE_TOUCHES,
            DeadLetters.topicFor(DECISIONS));

    private Topics() {
    }
}
