package io.leadpipeline.routing.domain;

/** What the desk made of a closer's accept or reject, so the HTTP request that sent it can answer. */
public record CommandResult(String commandId, String handoffId, Status status, HandoffStatus handoffStatus) {

    public enum Status {
        /** The handoff was open and now carries the closer's answer. */
        APPLIED,
        /** The handoff already carried this very answer: a repeated request. */
        ALREADY_APPLIED,
        /** No such handoff. */
        NOT_FOUND,
        /** The handoff is no longer open (expired, reassigned or already answered differently). */
        NO_LONGER_OPEN
    }
}
