package io.leadpipeline.routing.domain;

/** A handoff's state: open until the closer answers or its SLA runs out. */
public enum HandoffStatus {
    OPEN, ACCEPTED, REJECTED, EXPIRED
}
