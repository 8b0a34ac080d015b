package io.leadpipeline.nurture.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything nurture keeps about one lead: contact details for touches (forgotten on erasure), the permanent
 * unsubscribe, when it was parked (past the cycle cap), and all its enrollments, oldest first — at most the last
 * one active.
 */
public record LeadNurture(String leadId, Contact contact, boolean unsubscribed, boolean erased, Instant parkedAt,
        List<Enrollment> enrollments) {

    public LeadNurture {
        enrollments = enrollments == null ? List.of() : List.copyOf(enrollments);
    }

    public static LeadNurture unknown(String leadId) {
        return new LeadNurture(leadId, null, false, false, null, List.of());
    }

    public Optional<Enrollment> active() {
        return last().filter(Enrollment::active);
    }

    public Optional<Enrollment> last() {
        return enrollments.isEmpty() ? Optional.empty() : Optional.of(enrollments.get(enrollments.size() - 1));
    }

    public boolean parked() {
        return parkedAt != null;
    }

    public boolean hasEnrollmentFrom(String sourceEventId) {
        return enrollments.stream().anyMatch(e -> e.sourceEventId().equals(sourceEventId));
    }

    public LeadNurture withContact(Contact contact) {
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, enrollments);
    }

    public LeadNurture withEnrollment(Enrollment enrollment) {
        List<Enrollment> all = new ArrayList<>(enrollments);
        all.add(enrollment);
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, all);
    }

    /** Replaces the last (the active) enrollment. */
    public LeadNurture withLast(Enrollment enrollment) {
        List<Enrollment> all = new ArrayList<>(enrollments);
        all.set(all.size() - 1, enrollment);
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, all);
    }

    public LeadNurture unsubscribe() {
        return new LeadNurture(leadId, contact, true, erased, parkedAt, enrollments);
    }

    public LeadNurture park(Instant at) {
        return new LeadNurture(leadId, contact, unsubscribed, erased, at, enrollments);
    }

    /** Forgets the personal data (contact details); keeps the anonymous history so the lead is not nurtured twice. */
    public LeadNurture erase() {
        return new LeadNurture(leadId, null, unsubscribed, true, parkedAt, enrollments);
    }
}
