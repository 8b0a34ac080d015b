package io.leadpipeline.nurture.api;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.domain.Track;

/**
 * GET /v1/tracks: the configured tracks in match order with how many leads are active in each, summed over every
 * partition on every instance; {@code complete} is false when an instance did not answer (the counts are then low).
 */
public record TracksView(List<TrackView> tracks, long parkedLeads, boolean complete) {

    public record TrackView(String id, Audience serves, QuietHoursView quietHours, List<StepView> steps, long active) {
    }

    public record Audience(Set<NurtureEnrollmentReason> reasons, Set<Grade> grades, Set<String> industries, Set<FormType> formTypes) {
    }

    /** As the YAML writes them: "20:00". */
    public record QuietHoursView(String from, String to) {

        static QuietHoursView of(LocalTime from, LocalTime to) {
            return new QuietHoursView(from.format(HH_MM), to.format(HH_MM));
        }
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public record StepView(int step, String after, String template, TouchChannel channel) {
    }

    public static TracksView of(NurtureRules rules, Map<String, Long> activeByTrack, long parked, boolean complete) {
        return new TracksView(rules.tracks().stream().map(track -> trackView(track, activeByTrack.getOrDefault(track.id(), 0L))).toList(),
                parked, complete);
    }

    private static TrackView trackView(Track track, long active) {
        var serves = track.serves();
        return new TrackView(track.id(), new Audience(serves.reasons(), serves.grades(), serves.industries(), serves.formTypes()),
                track.quietHours().map(q -> QuietHoursView.of(q.from(), q.to())).orElse(null),
                IntStream.rangeClosed(1, track.steps().size()).mapToObj(n -> {
                    var step = track.step(n);
                    return new StepView(n, delay(step.after()), step.template(), step.channel());
                }).toList(),
                active);
    }

    /** The delay as the YAML writes it: 3d, 12h or 30m. */
    static String delay(Duration after) {
        if (after.toMinutes() % (24 * 60) == 0) {
            return after.toDays() + "d";
        }
        return after.toMinutes() % 60 == 0 ? after.toHours() + "h" : after.toMinutes() + "m";
    }
}
