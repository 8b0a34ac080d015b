package io.leadpipeline.nurture.domain;

import java.time.Instant;

/**
 * Whether a nurturable rejection enrolls the lead: never while a disqualification is in force, one active enrollment,
 * cool-down after an exit, a cap on cycles.
 */
public final class EnrollmentPolicy {

    private final Reenrollment reenrollment;

    public EnrollmentPolicy(Reenrollment reenrollment) {
        this.reenrollment = reenrollment;
    }

    public EnrollmentVerdict decide(LeadNurture lead, String sourceEventId, Instant at) {
        if (lead.hasEnrollmentFrom(sourceEventId)) {
            return EnrollmentVerdict.DUPLICATE;
        }
        if (lead.disqualified()) {
            return EnrollmentVerdict.DISQUALIFIED;
        }
        if (lead.active().isPresent()) {
            return EnrollmentVerdict.ALREADY_ENROLLED;
        }
        if (lead.parked()) {
            return EnrollmentVerdict.PARKED;
        }
        if (lead.enrollments().size() >= reenrollment.maxCycles()) {
            return EnrollmentVerdict.PARK; // it will never be enrolled again: say so now rather than after a cool-down
        }
        if (lead.last().isPresent() && at.isBefore(lead.last().get().exitedAt().plus(reenrollment.coolDown()))) {
            return EnrollmentVerdict.COOLING_DOWN;
        }
        return EnrollmentVerdict.ENROLL;
    }

    /** The cycle number of the next enrollment. */
    public static int nextCycle(LeadNurture lead) {
        return lead.enrollments().size() + 1;
    }
}
