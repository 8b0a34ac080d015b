package io.leadpipeline.nurture.domain;

import java.time.Instant;

import io.leadpipeline.events.TouchChannel;

/** A step that fell due in an enrollment: its touch id (for tracking engagement), when it was due and what became of it. */
public record Touch(String touchId, int step, String template, TouchChannel channel, Instant dueAt, Instant processedAt,
        TouchStatus status) {
}
