package io.leadpipeline.nurture.api;

import java.time.Instant;
import java.util.List;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.SuppressionReason;
import io.leadpipeline.nurture.domain.Disqualification;
import io.leadpipeline.nurture.domain.Enrollment;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.nurture.domain.Touch;

/** GET /v1/leads/{leadId}/enrollments: the lead's nurture status and every enrollment, newest first, with its touches. */
public record LeadEnrollmentsView(String leadId, boolean unsubscribed, boolean erased, boolean parked, Instant parkedAt,
        boolean disqualified, Instant disqualifiedAt, int cycles, EnrollmentView current, List<EnrollmentView> enrollments) {

    public enum Status {
        ACTIVE, EXITED
    }

    /** One enrollment; {@code nextStep}/{@code nextTouchDueAt} only while active and steps remain. */
    public record EnrollmentView(String enrollmentId, String track, NurtureEnrollmentReason reason, int cycle, Status status,
            Instant enrolledAt, boolean suppressed, SuppressionReason suppressionReason, Integer nextStep, Instant nextTouchDueAt,
            NurtureExitReason exitReason, Instant exitedAt, List<Touch> touches) {

        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.enrollmentId(), e.track(), e.reason(), e.cycle(), e.active() ? Status.ACTIVE : Status.EXITED,
                    e.enrolledAt(), e.suppressed(), e.suppressionReason(), e.nextStep(), e.nextDueAt(), e.exitReason(),
                    e.exitedAt(), e.touches());
        }
    }

    public static LeadEnrollmentsView of(LeadNurture lead) {
        List<EnrollmentView> all = lead.enrollments().reversed().stream().map(EnrollmentView::of).toList();
        return new LeadEnrollmentsView(lead.leadId(), lead.unsubscribed(), lead.erased(), lead.parked(), lead.parkedAt(),
                lead.disqualified(), lead.disqualification().map(Disqualification::at).orElse(null), lead.enrollments().size(),
                lead.active().map(EnrollmentView::of).orElse(null), all);
    }
}
