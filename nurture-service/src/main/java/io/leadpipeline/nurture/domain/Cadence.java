package io.leadpipeline.nurture.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a track's steps are due. The first step is due its delay after the enrollment, each later step its delay
 * after the previous touch went out (so a late punctuation or an outage never bunches touches together), and a
 * time inside the track's quiet hours moves to their end in the lead's time zone, when that is known.
 */
public final class Cadence {

    private Cadence() {
    }

    public static Instant firstDue(Track track, Instant enrolledAt, Optional<ZoneId> zone) {
        return due(track, 1, enrolledAt, zone);
    }

    /** When step {@code number} is due, counted from {@code previous} (the enrollment, or the previous touch). */
    public static Instant due(Track track, int number, Instant previous, Optional<ZoneId> zone) {
        Instant nominal = previous.plus(track.step(number).after());
        if (track.quietHours().isEmpty() || zone.isEmpty()) {
            return nominal;
        }
        return track.quietHours().get().firstAllowed(nominal, zone.get());
    }
}
