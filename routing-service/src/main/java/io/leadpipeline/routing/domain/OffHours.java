package io.leadpipeline.routing.domain;

/** What a pool does with a lead while none of its members is on duty. */
public enum OffHours {
    /** The lead waits in the pool's queue until a member comes on duty. */
    WAIT,
    /** The lead goes to the pool's overflow pool (an always-on desk, say). */
    OVERFLOW
}
