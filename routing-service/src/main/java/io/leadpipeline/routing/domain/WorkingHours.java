package io.leadpipeline.routing.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a closer takes new leads, in their own time zone: the days a shift starts and its start and end minute of
 * the day. A shift whose end is before its start runs past midnight (22:00–06:00 belongs to the day it starts).
 */
public record WorkingHours(Set<DayOfWeek> days, int fromMinute, int toMinute) {

    public static final int MINUTES_PER_DAY = 24 * 60;

    /** Around the clock, every day. */
    public static final WorkingHours ALWAYS = new WorkingHours(EnumSet.allOf(DayOfWeek.class), 0, MINUTES_PER_DAY);

    public WorkingHours {
        days = Set.copyOf(days);
        if (fromMinute < 0 || fromMinute >= MINUTES_PER_DAY || toMinute < 0 || toMinute > MINUTES_PER_DAY || fromMinute == toMinute) {
            throw new IllegalArgumentException("a shift needs a start in [00:00, 24:00) and a different end in [00:00, 24:00]");
        }
    }

    public boolean isOpenAt(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        if (fromMinute < toMinute) {
            return days.contains(day) && minute >= fromMinute && minute < toMinute;
        }
        // Overnight shift: the evening part belongs to today, the early-morning part to yesterday's shift.
        return (days.contains(day) && minute >= fromMinute) || (days.contains(day.minus(1)) && minute < toMinute);
    }
}
