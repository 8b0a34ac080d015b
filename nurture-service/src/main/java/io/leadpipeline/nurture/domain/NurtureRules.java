package io.leadpipeline.nurture.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated nurture configuration: tracks in match order, re-enrollment limits, country time zones, and the
 * version of the rules document they were compiled from (lead.rules key nurture; what enrollments and touches carry
 * as rulesVersion).
 */
public record NurtureRules(List<Track> tracks, Reenrollment reenrollment, Map<String, ZoneId> countryTimezones, String version) {

    public NurtureRules {
        tracks = List.copyOf(tracks);
        countryTimezones = Map.copyOf(countryTimezones);
        java.util.Objects.requireNonNull(version, "version");
    }

    public Optional<Track> track(String id) {
        return tracks.stream().filter(track -> track.id().equals(id)).findFirst();
    }

    /** The lead's time zone when its country is known and mapped; quiet hours apply only then. */
    public Optional<ZoneId> timezoneOf(String country) {
        return country == null ? Optional.empty() : Optional.ofNullable(countryTimezones.get(country.trim().toUpperCase(java.util.Locale.ROOT)));
    }
}
