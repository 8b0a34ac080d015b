package io.leadpipeline.routing.config;

import java.util.List;

import io.leadpipeline.kafka.DeadLetters;

/** Topics routing-service reads and the ones it writes (lead.handoffs and lead.handoff-outcomes, their only writer). */
public final class Topics {

    public static final String DECISIONS = "lead.decisions";
    public static final String HANDOFFS = "lead.handoffs";
    public static final String HANDOFF_OUTCOMES = "lead.handoff-outcomes";

    /** Everything this service touches, created at start-up when missing, dead-letter topics included. */
    public static final List<String> ALL = List.of(DECISIONS, HANDOFFS, HANDOFF_OUTCOMES, DeadLetters.topicFor(DECISIONS));

    private Topics() {
    }
}
