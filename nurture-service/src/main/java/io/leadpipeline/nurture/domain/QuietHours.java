package io.leadpipeline.nurture.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window, in the lead's local time, in which no touch is sent: a touch falling inside it waits for its end.
 * {@code from} after {@code to} (e.g. 20:00–08:00) spans midnight.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime time) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /** The first instant at or after {@code due} outside the window, in {@code zone}. */
    public Instant firstAllowed(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return due;
        }
        ZonedDateTime end = local.toLocalDate().atTime(to).atZone(zone);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(to).atZone(zone);
        }
        return end.toInstant();
    }
}
