package io.leadpipeline.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leadpipeline.events.HandoffOutcomeType;

/** What the routing desk did, for the adapters to publish. */
public sealed interface DeskEvent {

    /** A lead was handed to a closer after waiting {@code waited} in the queue. */
    record HandedOff(Handoff handoff, Duration waited) implements DeskEvent {
    }

    /** A handoff was accepted, rejected or expired. */
    record OutcomeRecorded(Handoff handoff, HandoffOutcomeType outcome, Instant at) implements DeskEvent {
    }

    /**
     * A lead asked to be forgotten at {@code erasedAt}: the routing cases of {@code decisionIds} (none for a lead the desk
     * had not seen yet) were deleted with their handoffs. Nothing is published for it; it is counted and logged.
     */
    record LeadErased(String leadId, List<String> decisionIds, Instant erasedAt) implements DeskEvent {

        public LeadErased {
            decisionIds = List.copyOf(decisionIds);
        }
    }
}
