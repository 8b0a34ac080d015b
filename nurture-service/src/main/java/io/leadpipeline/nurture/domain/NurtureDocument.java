package io.leadpipeline.nurture.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.service.rules.RuleChecks;

/**
 * The nurture rules document (config/nurture.yaml) as written: bound and checked by the rules kit
 * ({@code RulesReader}), field by field with Bean Validation and across fields in {@link #check}; then
 * {@link #toRules} turns it into the {@link NurtureRules} the {@link NurtureStateMachine} applies.
 */
public record NurtureDocument(
        @NotNull(message = "is required, with coolDown (e.g. 7d) and maxCycles (e.g. 3)") @Valid ReenrollmentEntry reenrollment,
        Map<@NotNull(message = EMPTY) @Pattern(regexp = "[A-Z]{2}", message = "is not an ISO-3166 alpha-2 country code like US or DE") String,
                @NotBlank(message = "needs a time zone, an IANA id like Europe/Berlin") String> countryTimezones,
        @NotEmpty(message = "at least one track is required") List<@NotNull(message = EMPTY) @Valid TrackEntry> tracks)
        implements RuleChecks {

    /** The reasons a track may serve: the nurturable rejections and a closer's rejection (the recycle track). */
    public static final Set<NurtureEnrollmentReason> SERVABLE = EnumSet.of(NurtureEnrollmentReason.LOW_SCORE,
            NurtureEnrollmentReason.NOT_A_FIT, NurtureEnrollmentReason.STALE, NurtureEnrollmentReason.CLOSER_REJECTED);

    static final String EMPTY = "is empty";
    static final String DELAY = "is required, a delay like 0h, 12h or 3d";
    static final String NOT_NEGATIVE = "must not be negative";
    static final String TIME = "is not a time like \"20:00\"";
    static final String TIME_PATTERN = "([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?";

    /** When a lead that left a track may be enrolled again. */
    public record ReenrollmentEntry(
            @NotNull(message = "is required, a delay like 7d") @DurationMin(message = NOT_NEGATIVE) Duration coolDown,
            @NotNull(message = "is required, a whole number of at least 1") @Min(value = 1, message = "must be a whole number of at least 1")
            @JsonDeserialize(using = WholeNumber.class) Integer maxCycles) {
    }

    /** A track: whom it serves, its steps in order, and optional quiet hours. */
    public record TrackEntry(
            @NotNull(message = "is required, lower-case letters, digits and dashes") @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                    message = "must be lower-case letters, digits and dashes, like fit-warm-up") String id,
            @NotNull(message = "is required, with at least 'reasons'") @Valid Serves serves,
            @NotEmpty(message = "at least one step is required") List<@NotNull(message = EMPTY) @Valid StepEntry> steps,
            @Valid QuietHoursEntry quietHours) {
    }

    /** Why the lead is nurtured and, optionally, its persona; a filter left out matches any lead. */
    public record Serves(
            @NotEmpty(message = "is required, one or more of [LOW_SCORE, NOT_A_FIT, STALE, CLOSER_REJECTED]")
            List<@NotNull(message = EMPTY) NurtureEnrollmentReason> reasons,
            List<@NotNull(message = EMPTY) Grade> grades,
            List<@NotBlank(message = EMPTY) String> industries,
            List<@NotNull(message = EMPTY) FormType> formTypes) {
    }

    /** One step: sent {@code after} the previous one (the first: after the enrollment). */
    public record StepEntry(
            @NotNull(message = DELAY) @DurationMin(message = NOT_NEGATIVE) Duration after,
            @NotBlank(message = "is required, the email platform's template id") String template,
            @NotNull(message = "is required, one of [EMAIL]") TouchChannel channel) {
    }

    /** A daily window in the lead's local time in which no touch goes out, like {from: "20:00", to: "08:00"}. */
    public record QuietHoursEntry(
            @NotNull(message = "is required, a time like \"20:00\"") @Pattern(regexp = TIME_PATTERN, message = TIME) String from,
            @NotNull(message = "is required, a time like \"08:00\"") @Pattern(regexp = TIME_PATTERN, message = TIME) String to) {
    }

    @Override
    public void check(Problems problems) {
        zones().forEach((country, zone) -> {
            try {
                ZoneId.of(zone.trim());
            } catch (DateTimeException e) {
                problems.add("countryTimezones." + country, "unknown time zone '" + zone + "' (use an IANA id like Europe/Berlin)");
            }
        });
        Map<String, Integer> firstWithId = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            TrackEntry track = tracks.get(i);
            String at = "tracks[" + i + "]";
            Integer earlier = firstWithId.putIfAbsent(track.id(), i);
            if (earlier != null) {
                problems.add(at + ".id", "'" + track.id() + "' is used by an earlier track (tracks[" + earlier + "])");
            }
            List<NurtureEnrollmentReason> reasons = track.serves().reasons();
            for (int j = 0; j < reasons.size(); j++) {
                if (!SERVABLE.contains(reasons.get(j))) {
                    problems.add(at + ".serves.reasons[" + j + "]", reasons.get(j) + " is not nurtured; use " + SERVABLE);
                }
            }
            QuietHoursEntry quiet = track.quietHours();
            if (quiet != null && LocalTime.parse(quiet.from()).equals(LocalTime.parse(quiet.to()))) {
                problems.add(at + ".quietHours", "from and to are both " + quiet.from() + "; the window would be empty or the whole day");
            }
        }
        for (NurtureEnrollmentReason reason : SERVABLE) {
            if (tracks.stream().noneMatch(track -> audience(track.serves()).catchesAll(reason))) {
                problems.add("tracks", "no track takes every " + reason + " lead (one serving " + reason
                        + " without grades, industries or formTypes); such leads would not be nurtured"
                        + (reason == NurtureEnrollmentReason.CLOSER_REJECTED ? " — add a recycle track" : ""));
            }
        }
    }

    /** The rules the state machine applies, tagged with the version of the document they came from. */
    public NurtureRules toRules(String version) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        zones().forEach((country, zone) -> zones.put(country, ZoneId.of(zone.trim())));
        List<Track> compiled = tracks.stream().map(track -> new Track(track.id(), audience(track.serves()),
                track.steps().stream().map(step -> new Step(step.after(), step.template().trim(), step.channel())).toList(),
                Optional.ofNullable(track.quietHours())
                        .map(quiet -> new QuietHours(LocalTime.parse(quiet.from()), LocalTime.parse(quiet.to())))))
                .toList();
        return new NurtureRules(compiled, new Reenrollment(reenrollment.coolDown(), reenrollment.maxCycles()), zones, version);
    }

    private Map<String, String> zones() {
        return countryTimezones == null ? Map.of() : countryTimezones;
    }

    private static Audience audience(Serves serves) {
        return new Audience(set(serves.reasons()), set(serves.grades()), set(serves.industries()), set(serves.formTypes()));
    }

    private static <T> Set<T> set(List<T> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
