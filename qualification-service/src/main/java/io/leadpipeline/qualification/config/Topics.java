package io.leadpipeline.qualification.config;

import java.util.List;

import io.leadpipeline.kafka.DeadLetters;

/** Topics qualification-service reads and the one it writes (lead.decisions, its only writer). */
public final class Topics {

    public static final String CONVERSIONS = "lead.conversions";
    public static final String DECISIONS = "lead.decisions";

    /** Everything this service touches, created at start-up when missing, dead-letter topics included. */
    public static final List<String> ALL = List.of(CONVERSIONS, DECISIONS, DeadLetters.topicFor(CONVERSIONS));

    private Topics() {
    }
}
