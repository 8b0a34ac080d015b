package io.leadpipeline.routing.domain;

import java.time.Instant;

/** When an open handoff expires unless the closer answers. */
public record SlaTimer(Instant dueAt, String handoffId) {
}
