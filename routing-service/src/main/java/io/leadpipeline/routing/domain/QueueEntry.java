package io.leadpipeline.routing.domain;

import java.time.Instant;

/** A waiting lead's place in the queue: first in, first out by {@code since}, then decision id. */
public record QueueEntry(Instant since, String decisionId) {
}
