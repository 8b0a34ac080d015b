package io.leadpipeline.routing.domain;

import java.time.Instant;
import java.util.Optional;

/** Whether a closer can take a new lead right now. */
public final class Eligibility {

    private Eligibility() {
    }

    /** Active, not out of office and inside their working hours (whatever their load). */
    public static boolean isOnDuty(CloserProfile closer, Optional<Availability> availability, Instant now) {
        boolean active = availability.map(Availability::active).orElse(closer.active());
        boolean away = availability.map(a -> a.isOutOfOfficeAt(now)).orElse(false);
        return active && !away && closer.workingHours().isOpenAt(now, closer.timezone());
    }

    /** On duty and under capacity. */
    public static boolean isEligible(CloserProfile closer, Optional<Availability> availability, int openHandoffs, Instant now) {
        return isOnDuty(closer, availability, now) && openHandoffs < closer.capacity();
    }
}
