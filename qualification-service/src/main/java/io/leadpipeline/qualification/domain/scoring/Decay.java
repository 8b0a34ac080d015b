package io.leadpipeline.qualification.domain.scoring;

import java.time.Duration;
import java.time.Instant;

/** Half-life decay: an activity's points halve every half-life, so old activity fades instead of counting forever. */
public final class Decay {

    private Decay() {
    }

    /** The share of its points an activity at {@code occurredAt} still has at {@code now} (1 when not in the past). */
    public static double factor(Instant occurredAt, Instant now, Duration halfLife) {
        long ageMillis = Duration.between(occurredAt, now).toMillis();
        if (ageMillis <= 0) {
            return 1.0;
        }
        return Math.pow(0.5, (double) ageMillis / halfLife.toMillis());
    }
}
