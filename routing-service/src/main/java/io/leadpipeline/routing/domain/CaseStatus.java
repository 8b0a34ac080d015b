package io.leadpipeline.routing.domain;

/** Where a sales-qualified lead stands in routing. */
public enum CaseStatus {
    /** In its pool's queue: nobody eligible yet (or its last handoff expired). */
    WAITING,
    /** Handed to a closer who has not answered yet. */
    OFFERED,
    /** A closer accepted it: routing is done. */
    ACCEPTED,
    /** A closer rejected it: it went back to marketing. */
    REJECTED
}
