package io.leadpipeline.nurture.domain;

/** What a nurturable rejection does to a lead, and why. */
public enum EnrollmentVerdict {
    /** Enrolled in a new cycle. */
    ENROLL,
    /** The same rejection was seen before (redelivery, duplicate). */
    DUPLICATE,
    /** A DISQUALIFIED_* decision is in force: no track until an MQL or SQL decision lifts it. */
    DISQUALIFIED,
    /** The lead is in an active enrollment: never two at once. */
    ALREADY_ENROLLED,
    /** It left its last track less than the cool-down ago. */
    COOLING_DOWN,
    /** It has used its cycles: parked now, and counted. */
    PARK,
    /** Parked before: nothing more happens. */
    PARKED
}
