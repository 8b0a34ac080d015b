package io.leadpipeline.routing.domain;

import java.time.Instant;

/** A closer's availability as last set over the API: active or not, out of office until when (null: not out). */
public record Availability(boolean active, Instant outOfOfficeUntil, String changeId, Instant changedAt) {

    public boolean isOutOfOfficeAt(Instant now) {
        return outOfOfficeUntil != null && now.isBefore(outOfOfficeUntil);
    }
}
