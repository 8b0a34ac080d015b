package io.leadpipeline.qualification.config;

/** Kafka Streams state store names. */
public final class Stores {

    /** Per lead: contact, consent, applied event ids, stage and its history, the latest assessment. */
    public static final String LEAD_PROFILES = "lead-profiles";

    /**
     * Per erased lead: when it was erased (epoch millis). Only the lead id and the time, so that what happened before
     * the erasure is not taken up again when read late, and only a fresh opt-in brings the lead back.
     */
    public static final String ERASED_LEADS = "erased-leads";

    private Stores() {
    }
}
