package io.leadpipeline.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Reuses a probe's answer for a while; concurrent callers wait for one check instead of starting their own. */
final class CachedProbe implements Probe {

    private final Probe probe;
    private final Duration cacheFor;
    private final Clock clock;
    private Result last;
    private Instant checkedAt;

    CachedProbe(Probe probe, Duration cacheFor, Clock clock) {
        this.probe = probe;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public synchronized Result check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(cacheFor))) {
            last = probe.check();
            checkedAt = clock.instant();
        }
        return last;
    }

    @Override
    public void close() {
        probe.close();
    }
}
