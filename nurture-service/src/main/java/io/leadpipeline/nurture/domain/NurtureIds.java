package io.leadpipeline.nurture.domain;

import io.leadpipeline.kafka.EventIds;

/**
 * Ids of enrollments and touches, derived (UUID v5) from what caused them, so a replayed input repeats them and
 * downstream systems can deduplicate on them.
 */
public final class NurtureIds {

    private static final String ENROLLMENT = "enrollment";
    private static final String TOUCH = "touch";

    private NurtureIds() {
    }

    /** One enrollment per lead and source event (the rejection or the closer's outcome that enrolled it). */
    public static String enrollment(String leadId, String sourceEventId) {
        return EventIds.derive(ENROLLMENT, leadId, sourceEventId);
    }

    /** One touch per enrollment and step: the id engagement with the touch is tracked by. */
    public static String touch(String enrollmentId, int step) {
        return EventIds.derive(TOUCH, enrollmentId, Integer.toString(step));
    }
}
