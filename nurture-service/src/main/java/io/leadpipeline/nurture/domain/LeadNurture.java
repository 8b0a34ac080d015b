package io.leadpipeline.nurture.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.leadpipeline.events.RejectionReason;

/**
 * Everything nurture keeps about one lead: contact details for touches (forgotten on erasure), the permanent
 * unsubscribe, when it was parked (past the cycle cap), all its enrollments, oldest first — at most the last
 * one active — and the disqualifications applied to it, oldest first — at most the last one in force.
 */
public record LeadNurture(String leadId, Contact contact, boolean unsubscribed, boolean erased, Instant parkedAt,
        List<Enrollment> enrollments, List<Disqualification> disqualifications) {

    public LeadNurture {
        enrollments = enrollments == null ? List.of() : List.copyOf(enrollments);
        // null in state written before disqualifications were kept
        disqualifications = disqualifications == null ? List.of() : List.copyOf(disqualifications);
    }

    public static LeadNurture unknown(String leadId) {
        return new LeadNurture(leadId, null, false, false, null, List.of(), List.of());
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

    /** The disqualification in force: the lead is not nurtured while there is one. */
    public Optional<Disqualification> disqualification() {
        return disqualifications.isEmpty() ? Optional.empty()
                : Optional.of(disqualifications.get(disqualifications.size() - 1)).filter(Disqualification::inForce);
    }

    public boolean disqualified() {
        return disqualification().isPresent();
    }

    public boolean hasDisqualificationFrom(String decisionId) {
        return disqualifications.stream().anyMatch(d -> d.decisionId().equals(decisionId));
    }

    public LeadNurture withContact(Contact contact) {
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, enrollments, disqualifications);
    }

    public LeadNurture withEnrollment(Enrollment enrollment) {
        List<Enrollment> all = new ArrayList<>(enrollments);
        all.add(enrollment);
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, all, disqualifications);
    }

    /** Replaces the last (the active) enrollment. */
    public LeadNurture withLast(Enrollment enrollment) {
        List<Enrollment> all = new ArrayList<>(enrollments);
        all.set(all.size() - 1, enrollment);
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, all, disqualifications);
    }

    public LeadNurture unsubscribe() {
        return new LeadNurture(leadId, contact, true, erased, parkedAt, enrollments, disqualifications);
    }

    public LeadNurture park(Instant at) {
        return new LeadNurture(leadId, contact, unsubscribed, erased, at, enrollments, disqualifications);
    }

    /** Forgets the personal data (contact details); keeps the anonymous history so the lead is not nurtured twice. */
    public LeadNurture erase() {
        return new LeadNurture(leadId, null, unsubscribed, true, parkedAt, enrollments, disqualifications);
    }

    /** Puts a disqualification in force. Ending the active enrollment is the caller's (it writes the exit). */
    public LeadNurture disqualify(String decisionId, RejectionReason reason, Instant at) {
        List<Disqualification> all = new ArrayList<>(disqualifications);
        all.add(new Disqualification(decisionId, reason, at, null));
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, enrollments, all);
    }

    /** Lifts the disqualification in force, if any: a later decision qualified the lead. */
    public LeadNurture requalify(Instant at) {
        if (!disqualified()) {
            return this;
        }
        List<Disqualification> all = new ArrayList<>(disqualifications);
        all.set(all.size() - 1, all.get(all.size() - 1).lifted(at));
        return new LeadNurture(leadId, contact, unsubscribed, erased, parkedAt, enrollments, all);
    }
}
