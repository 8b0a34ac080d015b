package io.leadpipeline.nurture.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.SuppressionReason;

/**
 * One enrollment of a lead in a track: active until {@code exitReason} is set. {@code nextStep}/{@code nextDueAt}
 * name the one pending step while active (null once the track has nothing left to send).
 */
public record Enrollment(String enrollmentId, String track, NurtureEnrollmentReason reason, int cycle, String sourceEventId,
        Instant enrolledAt, SuppressionReason suppressionReason, List<Touch> touches, Integer nextStep, Instant nextDueAt,
        NurtureExitReason exitReason, Instant exitedAt) {

    public Enrollment {
        touches = touches == null ? List.of() : List.copyOf(touches);
    }

    public boolean active() {
        return exitReason == null;
    }

    public boolean suppressed() {
        return suppressionReason != null;
    }

    public Enrollment withTouch(Touch touch, Integer nextStep, Instant nextDueAt) {
        List<Touch> all = new ArrayList<>(touches);
        all.add(touch);
        return new Enrollment(enrollmentId, track, reason, cycle, sourceEventId, enrolledAt, suppressionReason, all,
                nextStep, nextDueAt, exitReason, exitedAt);
    }

    public Enrollment exited(NurtureExitReason reason, Instant at) {
        return new Enrollment(enrollmentId, track, this.reason, cycle, sourceEventId, enrolledAt, suppressionReason, touches,
                null, null, reason, at);
    }
}
