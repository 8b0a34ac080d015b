package io.leadpipeline.nurture.streams;

import java.time.Instant;

import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.TouchRecipient;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.nurture.domain.Contact;
import io.leadpipeline.nurture.domain.Enrollment;
import io.leadpipeline.nurture.domain.Touch;

/**
 * The events nurture writes, built from its domain state and tagged with the version of the rules they were decided
 * under. Ids derive from their cause, so a replay repeats them.
 */
final class NurtureEvents {

    private NurtureEvents() {
    }

    static NurtureEnrollmentChanged enrolled(String leadId, Enrollment enrollment, String rulesVersion) {
        return NurtureEnrollmentChanged.newBuilder()
                .setEventId(EventIds.derive("enrollment-changed", enrollment.enrollmentId(), "enrolled"))
                .setLeadId(leadId)
                .setOccurredAt(enrollment.enrolledAt())
                .setChange(NurtureEnrolled.newBuilder()
                        .setEnrollmentId(enrollment.enrollmentId())
                        .setLeadId(leadId)
                        .setTrack(enrollment.track())
                        .setReason(enrollment.reason())
                        .setCycle(enrollment.cycle())
                        .setEnrolledAt(enrollment.enrolledAt())
                        .setSourceEventId(enrollment.sourceEventId())
                        .setSuppressed(enrollment.suppressed())
                        .setSuppressionReason(enrollment.suppressionReason())
                        .build())
                .setRulesVersion(rulesVersion)
                .build();
    }

    static NurtureEnrollmentChanged exited(String leadId, Enrollment enrollment, String rulesVersion) {
        return NurtureEnrollmentChanged.newBuilder()
                .setEventId(EventIds.derive("enrollment-changed", enrollment.enrollmentId(), "exited"))
                .setLeadId(leadId)
                .setOccurredAt(enrollment.exitedAt())
                .setChange(NurtureExited.newBuilder()
                        .setEnrollmentId(enrollment.enrollmentId())
                        .setLeadId(leadId)
                        .setTrack(enrollment.track())
                        .setReason(enrollment.exitReason())
                        .setCycle(enrollment.cycle())
                        .setExitedAt(enrollment.exitedAt())
                        .build())
                .setRulesVersion(rulesVersion)
                .build();
    }

    static NurtureTouchDue touchDue(String leadId, Enrollment enrollment, Touch touch, Contact contact, String rulesVersion) {
        return NurtureTouchDue.newBuilder()
                .setTouchId(touch.touchId())
                .setEnrollmentId(enrollment.enrollmentId())
                .setLeadId(leadId)
                .setTrack(enrollment.track())
                .setStep(touch.step())
                .setTemplate(touch.template())
                .setChannel(touch.channel())
                .setDueAt(touch.dueAt())
                .setRecipient(TouchRecipient.newBuilder()
                        .setEmail(contact.email())
                        .setFirstName(contact.firstName())
                        .setLastName(contact.lastName())
                        .setCountry(contact.country())
                        .build())
                .setRulesVersion(rulesVersion)
                .build();
    }

    static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
