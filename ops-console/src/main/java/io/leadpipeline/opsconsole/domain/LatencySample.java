package io.leadpipeline.opsconsole.domain;

import java.time.Duration;
import java.time.Instant;

/** One lead's capture→handoff latency: from the triggering conversion's receivedAt to its first handoff. */
public record LatencySample(String leadId, Instant handedOffAt, Duration latency) {
}
