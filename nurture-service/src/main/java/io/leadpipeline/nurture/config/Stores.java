package io.leadpipeline.nurture.config;

/** Kafka Streams state store names (all in the one nurture task per partition). */
public final class Stores {

    /** leadId → the lead's nurture state ({@code LeadNurture}): contact, unsubscribe, parking, every enrollment. */
    public static final String LEADS = "nurture-leads";

    /** "{dueAt millis, zero-padded}|{leadId}" → the one pending step of a lead's active enrollment, in due order. */
    public static final String SCHEDULE = "nurture-schedule";

    /** "active:{track}" and "parked" → counts for this partition; GET /v1/tracks sums them over all partitions. */
    public static final String COUNTS = "nurture-counts";

    /** Key prefix in {@link #COUNTS} of the active enrollments of one track. */
    public static final String ACTIVE_COUNT_PREFIX = "active:";

    /** Key in {@link #COUNTS} of the leads parked past the cycle cap. */
    public static final String PARKED_COUNT = "parked";

    public static String activeCountKey(String track) {
        return ACTIVE_COUNT_PREFIX + track;
    }

    private Stores() {
    }
}
