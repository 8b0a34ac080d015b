package io.leadpipeline.routing.api;

import java.time.Instant;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.leadpipeline.routing.domain.Availability;
import io.leadpipeline.routing.domain.CloserProfile;
import io.leadpipeline.routing.domain.Eligibility;
import io.leadpipeline.routing.domain.WorkingHours;

/**
 * A closer as GET /v1/closers shows them: who, their open load against capacity, and whether they can take a lead
 * now ({@code onDuty}: active, not out of office, inside working hours; {@code available}: on duty and under capacity).
 */
public record CloserView(String id, String name, String email, String team, String timezone, String workingHours, int capacity,
        int weight, int openHandoffs, boolean active, Instant outOfOfficeUntil, boolean onDuty, boolean available, List<String> pools) {

    static CloserView of(CloserProfile closer, Optional<Availability> availability, int openHandoffs, List<String> pools, Instant now) {
        boolean active = availability.map(Availability::active).orElse(closer.active());
        Instant outOfOfficeUntil = availability.map(Availability::outOfOfficeUntil).filter(now::isBefore).orElse(null);
        return new CloserView(closer.id(), closer.name(), closer.email(), closer.team(), closer.timezone().getId(),
                describe(closer.workingHours()), closer.capacity(), closer.weight(), openHandoffs, active, outOfOfficeUntil,
                Eligibility.isOnDuty(closer, availability, now), Eligibility.isEligible(closer, availability, openHandoffs, now), pools);
    }

    private static String describe(WorkingHours hours) {
        if (hours.equals(WorkingHours.ALWAYS)) {
            return "always";
        }
        String days = hours.days().stream().sorted().map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ROOT)).collect(Collectors.joining(","));
        return days + " " + time(hours.fromMinute()) + "-" + time(hours.toMinute());
    }

    private static String time(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }
}
