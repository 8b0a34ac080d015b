package io.leadpipeline.nurture.domain;

import java.time.Instant;

/** A lead's enrollment in a nurture track. */
public record Enrollment(String enrollmentId, String leadId, String track, int cycle, String sourceEventId,
        boolean suppressed, boolean active, Instant enrolledAt) {
}
