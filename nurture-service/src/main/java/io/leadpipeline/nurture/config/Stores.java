package io.leadpipeline.nurture.config;

/** Kafka Streams state store names. */
public final class Stores {

    /** leadId → the lead's current (or last) enrollment: a lead is never in two active enrollments. */
    public static final String ENROLLMENTS = "lead-enrollments";

    private Stores() {
    }
}
