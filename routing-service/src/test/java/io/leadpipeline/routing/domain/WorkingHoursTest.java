package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.OFFICE;
import static io.leadpipeline.routing.domain.TestRules.closer;
import static io.leadpipeline.routing.domain.TestRules.lead;
import static io.leadpipeline.routing.domain.TestRules.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Proves eligibility follows each closer's working hours in their own time zone (daylight saving included), as read
 * from an injected clock, and that a pool either waits for its closers or overflows to an always-on pool off hours.
 */
class WorkingHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    private final CloserProfile ava = closer("ava", LONDON, OFFICE, 10, 1);
    private final CloserProfile ben = closer("ben", NEW_YORK, OFFICE, 10, 1);
    private final CloserProfile chen = closer("chen", SINGAPORE, OFFICE, 10, 1);

    private static boolean eligible(CloserProfile closer, Clock clock) {
        return Eligibility.isEligible(closer, Optional.empty(), 0, clock.instant());
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void shouldFollowEachClosersOwnTimeZone() {
        Clock asiaMorning = at("2026-01-05T01:30:00Z"); // Monday 09:30 Singapore, 01:30 London, Sunday 20:30 New York
        Clock londonMorning = at("2026-01-05T09:30:00Z"); // Monday: 09:30 London, 04:30 New York, 17:30 Singapore
        Clock londonAfternoon = at("2026-01-05T14:00:00Z"); // 14:00 London, 09:00 New York, 22:00 Singapore
        Clock nightInEurope = at("2026-01-05T23:00:00Z"); // 23:00 London, 18:00 New York, 07:00 Tuesday Singapore

        assertEquals(List.of(false, false, true), List.of(eligible(ava, asiaMorning), eligible(ben, asiaMorning), eligible(chen, asiaMorning)));
        assertEquals(List.of(true, false, false), List.of(eligible(ava, londonMorning), eligible(ben, londonMorning), eligible(chen, londonMorning)));
        assertEquals(List.of(true, true, false), List.of(eligible(ava, londonAfternoon), eligible(ben, londonAfternoon), eligible(chen, londonAfternoon)));
        assertEquals(List.of(false, false, false), List.of(eligible(ava, nightInEurope), eligible(ben, nightInEurope), eligible(chen, nightInEurope)));
    }

    @Test
    void shouldFollowDaylightSavingTime() {
        assertFalse(eligible(ava, at("2026-07-06T16:30:00Z")), "17:30 BST, after hours in summer");
        assertTrue(eligible(ava, at("2026-01-05T16:30:00Z")), "16:30 GMT, within hours in winter");
    }

    @Test
    void shouldKeepWeekendsFree() {
        assertFalse(eligible(ava, at("2026-01-10T12:00:00Z")), "Saturday noon in London");
        assertTrue(eligible(ava, at("2026-01-09T12:00:00Z")), "Friday noon in London");
    }

    @Test
    void shouldCountAnOvernightShiftToTheDayItStarts() {
        WorkingHours nights = new WorkingHours(EnumSet.of(DayOfWeek.MONDAY), 22 * 60, 6 * 60);

        assertTrue(nights.isOpenAt(Instant.parse("2026-01-05T23:00:00Z"), ZoneOffset.UTC), "Monday 23:00");
        assertTrue(nights.isOpenAt(Instant.parse("2026-01-06T05:59:00Z"), ZoneOffset.UTC), "Tuesday 05:59, still Monday's shift");
        assertFalse(nights.isOpenAt(Instant.parse("2026-01-06T23:00:00Z"), ZoneOffset.UTC), "Tuesday 23:00, no shift");
        assertFalse(nights.isOpenAt(Instant.parse("2026-01-05T05:00:00Z"), ZoneOffset.UTC), "Monday 05:00 belongs to Sunday");
    }

    @Test
    void shouldHandALeadOnlyToClosersOnShift() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, ava, ben, chen));

        Handoff asia = driver.send(lead(null), at("2026-01-05T01:30:00Z").instant()).get(0);
        Handoff london = driver.send(lead(null), at("2026-01-05T09:30:00Z").instant()).get(0);
        Handoff both = driver.send(lead(null), at("2026-01-05T14:00:00Z").instant()).get(0);
        List<Handoff> nobody = driver.send(lead(null), at("2026-01-05T23:00:00Z").instant());

        // ava and ben were skipped for the first lead but kept their turns: ava, then ben (not chen again).
        assertEquals(List.of("chen", "ava", "ben"), List.of(asia.closerId(), london.closerId(), both.closerId()));
        assertEquals(List.of(), nobody, "nobody on shift: the lead waits");
    }

    @Test
    void shouldKeepALeadWaitingOffHoursAndHandItOutWhenTheShiftStarts() {
        DeskDriver driver = new DeskDriver(TestRules.onePool(PoolStrategy.ROUND_ROBIN, ava));

        List<Handoff> atNight = driver.send(lead(null), Instant.parse("2026-01-05T23:00:00Z"));
        List<Handoff> beforeShift = DeskDriver.handoffs(driver.desk.tick(Instant.parse("2026-01-06T08:59:00Z")));
        List<Handoff> shiftStart = DeskDriver.handoffs(driver.desk.tick(Instant.parse("2026-01-06T09:00:00Z")));

        assertEquals(List.of(), atNight);
        assertEquals(List.of(), beforeShift);
        assertEquals(1, shiftStart.size());
        assertEquals("ava", shiftStart.get(0).closerId());
        assertEquals(Instant.parse("2026-01-06T13:00:00Z"), shiftStart.get(0).slaDueAt(), "the SLA runs from the handoff");
    }

    @Test
    void shouldOverflowToTheAlwaysOnPoolWhenNobodyIsOnShift() {
        CloserProfile desk = closer("desk", ZoneOffset.UTC, WorkingHours.ALWAYS, 10, 1);
        Pool office = new Pool("office", PoolStrategy.ROUND_ROBIN, List.of("ava", "ben"), OffHours.OVERFLOW, "around-the-clock");
        RoutingRules rules = TestRules.rules(List.of(ava, ben, desk),
                List.of(office, pool("around-the-clock", PoolStrategy.ROUND_ROBIN, "desk")), List.of(TestRules.catchAll("office")));
        DeskDriver driver = new DeskDriver(rules);

        Handoff night = driver.send(lead(null), Instant.parse("2026-01-05T23:00:00Z")).get(0);
        Handoff day = driver.send(lead(null), Instant.parse("2026-01-06T10:00:00Z")).get(0);

        assertEquals(List.of("desk", "around-the-clock", "catch-all"), List.of(night.closerId(), night.pool(), night.ruleId()));
        assertEquals(List.of("ava", "office"), List.of(day.closerId(), day.pool()));
    }
}
