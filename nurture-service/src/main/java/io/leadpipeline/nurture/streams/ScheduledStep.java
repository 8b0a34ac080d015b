package io.leadpipeline.nurture.streams;

/** A schedule entry: step {@code step} of enrollment {@code enrollmentId} is due (the time is in the key). */
record ScheduledStep(String leadId, String enrollmentId, int step) {

    private static final String SEPARATOR = "|";

    /** Keys sort by due time (zero-padded epoch millis), so a range scan up to now finds exactly the due steps. */
    static String key(long dueAtMillis, String leadId) {
        return String.format("%019d", Math.max(0, dueAtMillis)) + SEPARATOR + leadId;
    }

    /** The greatest key due at or before {@code nowMillis}: '~' sorts after every lead id character. */
    static String lastKeyDueBy(long nowMillis) {
        return String.format("%019d", Math.max(0, nowMillis)) + SEPARATOR + "~";
    }
}
