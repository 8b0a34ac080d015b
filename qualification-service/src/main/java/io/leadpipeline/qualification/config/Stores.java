package io.leadpipeline.qualification.config;

/** Kafka Streams state store names. */
public final class Stores {

    /** Per lead: contact, consent, applied event ids, stage and its history, the latest assessment. */
    public static final String LEAD_PROFILES = "lead-profiles";

    private Stores() {
    }
}
