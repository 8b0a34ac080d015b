package io.leadpipeline.nurture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;

/** Proves the re-enrollment rules: one active enrollment, no duplicate, a cool-down after an exit, a cap on cycles. */
class EnrollmentPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final EnrollmentPolicy policy = new EnrollmentPolicy(new Reenrollment(Duration.ofDays(7), 2));

    private static Enrollment enrollment(String source, int cycle, Instant exitedAt) {
        Enrollment active = new Enrollment("e-" + source, "warm-up", NurtureEnrollmentReason.LOW_SCORE, cycle, source, T0, null,
                List.of(), 1, T0, null, null);
        return exitedAt == null ? active : active.exited(NurtureExitReason.COMPLETED, exitedAt);
    }

    private static LeadNurture lead(Enrollment... enrollments) {
        return new LeadNurture("lead", null, false, false, null, List.of(enrollments));
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
