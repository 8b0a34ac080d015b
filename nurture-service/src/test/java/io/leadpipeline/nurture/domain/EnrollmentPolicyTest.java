package io.leadpipeline.nurture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.RejectionReason;

/**
 * Proves the re-enrollment rules: one active enrollment, no duplicate, none while disqualified, a cool-down after an
 * exit, a cap on cycles.
 */
class EnrollmentPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final EnrollmentPolicy policy = new EnrollmentPolicy(new Reenrollment(Duration.ofDays(7), 2));

    private static Enrollment enrollment(String source, int cycle, Instant exitedAt) {
        Enrollment active = new Enrollment("e-" + source, "warm-up", NurtureEnrollmentReason.LOW_SCORE, cycle, source, T0, null,
                List.of(), 1, T0, null, null);
        return exitedAt == null ? active : active.exited(NurtureExitReason.COMPLETED, exitedAt);
    }

    private static LeadNurture lead(Enrollment... enrollments) {
        return new LeadNurture("lead", null, false, false, null, List.of(enrollments), List.of());
    }

    @Test
    void shouldEnrollANewLeadInItsFirstCycle() {
        assertEquals(EnrollmentVerdict.ENROLL, policy.decide(LeadNurture.unknown("lead"), "d1", T0));
        assertEquals(1, EnrollmentPolicy.nextCycle(LeadNurture.unknown("lead")));
    }

    @Test
    void shouldIgnoreTheSameRejectionTwiceEvenAfterTheExit() {
        assertEquals(EnrollmentVerdict.DUPLICATE, policy.decide(lead(enrollment("d1", 1, null)), "d1", T0));
        assertEquals(EnrollmentVerdict.DUPLICATE, policy.decide(lead(enrollment("d1", 1, T0)), "d1", T0.plus(Duration.ofDays(30))));
    }

    @Test
    void shouldNeverEnrollALeadThatIsActiveInATrack() {
        assertEquals(EnrollmentVerdict.ALREADY_ENROLLED, policy.decide(lead(enrollment("d1", 1, null)), "d2", T0));
    }

    @Test
    void shouldNotEnrollADisqualifiedLeadUntilADecisionRequalifiesIt() {
        LeadNurture disqualified = lead(enrollment("d1", 1, T0)).disqualify("d2", RejectionReason.DISQUALIFIED_SPAM, T0);
        Instant later = T0.plus(Duration.ofDays(30));
        assertEquals(EnrollmentVerdict.DISQUALIFIED, policy.decide(disqualified, "d3", later));
        assertEquals(EnrollmentVerdict.DUPLICATE, policy.decide(disqualified, "d1", later), "a duplicate is still a duplicate");

        LeadNurture requalified = disqualified.requalify(later);
        assertEquals(EnrollmentVerdict.ENROLL, policy.decide(requalified, "d3", later));
        assertFalse(requalified.disqualified());
        assertTrue(requalified.hasDisqualificationFrom("d2"), "remembered, so the same decision again is recognised");
    }

    @Test
    void shouldDisqualifyOnlyOnDisqualifiedRejections() {
        List<RejectionReason> disqualifying = Arrays.stream(RejectionReason.values()).filter(Disqualification::disqualifies).toList();
        assertEquals(List.of(RejectionReason.DISQUALIFIED_COMPETITOR, RejectionReason.DISQUALIFIED_INVALID,
                RejectionReason.DISQUALIFIED_SPAM, RejectionReason.DISQUALIFIED_EXCLUDED_SEGMENT), disqualifying);
        assertFalse(Disqualification.disqualifies(null));
    }

    @Test
    void shouldWaitOutTheCoolDownAfterAnExit() {
        LeadNurture exited = lead(enrollment("d1", 1, T0));
        assertEquals(EnrollmentVerdict.COOLING_DOWN, policy.decide(exited, "d2", T0.plus(Duration.ofDays(7)).minusMillis(1)));
        assertEquals(EnrollmentVerdict.ENROLL, policy.decide(exited, "d2", T0.plus(Duration.ofDays(7))));
        assertEquals(2, EnrollmentPolicy.nextCycle(exited));
    }

    @Test
    void shouldParkALeadRejectedAgainAfterItsLastCycleAndThenLeaveItParked() {
        LeadNurture twice = lead(enrollment("d1", 1, T0), enrollment("d2", 2, T0.plus(Duration.ofDays(10))));
        assertEquals(EnrollmentVerdict.PARK, policy.decide(twice, "d3", T0.plus(Duration.ofDays(11))));
        assertEquals(EnrollmentVerdict.PARKED, policy.decide(twice.park(T0.plus(Duration.ofDays(11))), "d4", T0.plus(Duration.ofDays(90))));
    }
}
