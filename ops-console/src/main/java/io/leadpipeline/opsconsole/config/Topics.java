package io.leadpipeline.opsconsole.config;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.service.ServiceTopics;

/** The pipeline topics the console reads; it writes to none of them and creates none. */
public final class Topics {

    public static final String CONVERSIONS = "lead.conversions";
    public static final String ENGAGEMENTS = "lead.engagements";
    public static final String DECISIONS = "lead.decisions";
    public static final String HANDOFFS = "lead.handoffs";
    public static final String HANDOFF_OUTCOMES = "lead.handoff-outcomes";
    public static final String NURTURE_ENROLLMENTS = "lead.nurture-enrollments";
    public static final String NURTURE_TOUCHES = "lead.nurture-touches";

    /** Listed on the page even before their first record. */
    public static final List<String> PIPELINE = List.of(CONVERSIONS, ENGAGEMENTS, DECISIONS, HANDOFFS,
            HANDOFF_OUTCOMES, NURTURE_ENROLLMENTS, NURTURE_TOUCHES);

    /**
     * Every {@code lead.*} topic, dead-letter topics included. A pattern, not a list, so topics created after the
     * console started (a first dead letter, say) are picked up without a restart, and missing ones are no error.
     */
    public static final Pattern SUBSCRIPTION = Pattern.compile("lead\\..+");

    /** service-support's TopicProvisioning creates none for the console: it reads by pattern and owns no topic. */
    @Produces
    @Singleton
    static ServiceTopics provisioned() {
        return ServiceTopics.of(List.of());
    }

    private Topics() {
    }

    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DeadLetters.SUFFIX);
    }
}
