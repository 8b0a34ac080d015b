package io.leadpipeline.routing.streams;

import java.time.Instant;

import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.events.QualificationDecided;

/** Everything that reaches the routing desk, merged into one stream after repartitioning. */
sealed interface DeskInput {

    record Decision(QualificationDecided decision) implements DeskInput {
    }

    record Response(HandoffResponseSubmitted response) implements DeskInput {
    }

    record AvailabilityChange(CloserAvailabilityChanged change) implements DeskInput {
    }

    /** The lead asked to be forgotten at {@code erasedAt} (an ERASURE_REQUESTED engagement and its occurredAt). */
    record Erasure(String leadId, Instant erasedAt) implements DeskInput {
    }
}
