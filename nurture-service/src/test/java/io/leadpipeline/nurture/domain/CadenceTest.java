package io.leadpipeline.nurture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.TouchChannel;

/** Proves the cadence arithmetic: delays from the enrollment and from the previous touch, and quiet hours in the lead's zone. */
class CadenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0));

    private static Track track(Optional<QuietHours> quietHours) {
        return new Track("t", new Audience(java.util.Set.of(NurtureEnrollmentReason.LOW_SCORE), java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of()), List.of(
                        new Step(Duration.ZERO, "one", TouchChannel.EMAIL),
                        new Step(Duration.ofDays(2), "two", TouchChannel.EMAIL),
                        new Step(Duration.ofHours(12), "three", TouchChannel.EMAIL)),
                quietHours);
    }

    @Test
    void shouldDueTheFirstStepItsDelayAfterTheEnrollmentAndLaterStepsAfterThePreviousTouch() {
        Track track = track(Optional.empty());
        Instant enrolled = Instant.parse("2026-03-02T10:00:00Z");
        assertEquals(enrolled, Cadence.firstDue(track, enrolled, Optional.empty()));
        Instant firstSent = Instant.parse("2026-03-02T10:00:04Z");
        assertEquals(Instant.parse("2026-03-04T10:00:04Z"), Cadence.due(track, 2, firstSent, Optional.empty()));
        assertEquals(Instant.parse("2026-03-04T22:00:04Z"), Cadence.due(track, 3, Instant.parse("2026-03-04T10:00:04Z"), Optional.empty()));
    }

    @Test
    void shouldMoveATouchDueInTheNightToTheEndOfTheQuietHoursInTheLeadsZone() {
        Track track = track(Optional.of(NIGHT));
        // 21:30 UTC = 22:30 in Berlin (CET): quiet until 08:00 Berlin = 07:00 UTC next day.
        assertEquals(Instant.parse("2026-03-03T07:00:00Z"), Cadence.firstDue(track, Instant.parse("2026-03-02T21:30:00Z"), Optional.of(BERLIN)));
        // 05:00 UTC = 06:00 Berlin: after midnight, still quiet, until 08:00 the same day.
        assertEquals(Instant.parse("2026-03-02T07:00:00Z"), Cadence.firstDue(track, Instant.parse("2026-03-02T05:00:00Z"), Optional.of(BERLIN)));
    }

    @Test
    void shouldLeaveADaytimeTouchAlone() {
        Track track = track(Optional.of(NIGHT));
        Instant noon = Instant.parse("2026-03-02T11:00:00Z");
        assertEquals(noon, Cadence.firstDue(track, noon, Optional.of(BERLIN)));
    }

    @Test
    void shouldSendOnScheduleWhenTheLeadsZoneIsUnknown() {
        Track track = track(Optional.of(NIGHT));
        Instant night = Instant.parse("2026-03-02T23:00:00Z");
        assertEquals(night, Cadence.firstDue(track, night, Optional.empty()));
    }

    @Test
    void shouldFollowDaylightSavingTime() {
        Track track = track(Optional.of(NIGHT));
        // Berlin is UTC+2 in summer: 19:00 UTC is 21:00 local, quiet until 08:00 local = 06:00 UTC.
        assertEquals(Instant.parse("2026-07-02T06:00:00Z"), Cadence.firstDue(track, Instant.parse("2026-07-01T19:00:00Z"), Optional.of(BERLIN)));
    }

    @Test
    void shouldHandleQuietHoursWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertTrue(lunch.contains(LocalTime.of(12, 0)));
        assertTrue(lunch.contains(LocalTime.of(13, 59)));
        assertFalse(lunch.contains(LocalTime.of(14, 0)));
        assertFalse(lunch.contains(LocalTime.of(11, 59)));
        assertEquals(Instant.parse("2026-03-02T14:00:00Z"), lunch.firstAllowed(Instant.parse("2026-03-02T12:30:00Z"), ZoneId.of("UTC")));
    }

    @Test
    void shouldTreatTheStartOfQuietHoursAsQuietAndTheirEndAsAllowed() {
        assertTrue(NIGHT.contains(LocalTime.of(20, 0)));
        assertTrue(NIGHT.contains(LocalTime.of(7, 59)));
        assertFalse(NIGHT.contains(LocalTime.of(8, 0)));
        assertFalse(NIGHT.contains(LocalTime.of(19, 59)));
    }
}
