package io.leadpipeline.routing.config;

/** Kafka Streams state store names. */
public final class Stores {

    /** decisionId → the handoff made for it: one decision never yields two handoffs. */
    public static final String HANDOFFS_BY_DECISION = "handoffs-by-decision";
    /** pool → whose turn it is next. */
    public static final String POOL_ROTATION = "pool-rotation";

    private Stores() {
    }
}
