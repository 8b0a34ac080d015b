package io.leadpipeline.routing.domain;

import java.time.Duration;
import java.time.Instant;

import io.leadpipeline.events.HandoffOutcomeType;

/** What the routing desk did, for the adapters to publish. */
public sealed interface DeskEvent {

    /** A lead was handed to a closer after waiting {@code waited} in the queue. */
    record HandedOff(Handoff handoff, Duration waited) implements DeskEvent {
    }

    /** A handoff was accepted, rejected or expired. */
    record OutcomeRecorded(Handoff handoff, HandoffOutcomeType outcome, Instant at) implements DeskEvent {
    }
}
