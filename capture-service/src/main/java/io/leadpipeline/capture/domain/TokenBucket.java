package io.leadpipeline.capture.domain;

import java.time.Duration;

/**
 * A token bucket of {@code requests} tokens refilled evenly over {@code per}, kept as the generic cell rate
 * algorithm (one "theoretical arrival time" in integer nanoseconds: exact, and no refill bookkeeping). Each request
 * takes one token; an empty bucket says how long until the next one. Time is passed in (a monotonic clock's nanos).
 */
public final class TokenBucket {

    private final long interval;
    private final long burstTolerance;
    private long theoreticalArrival;

    public TokenBucket(RateLimit limit, long nowNanos) {
        this.interval = Math.max(1, limit.per().toNanos() / limit.requests());
        this.burstTolerance = interval * (limit.requests() - 1);
        this.theoreticalArrival = nowNanos;
    }

    /** Takes a token: {@link Duration#ZERO} when granted, otherwise how long to wait before retrying. */
    public synchronized Duration tryTake(long nowNanos) {
        long arrival = theoreticalArrival - nowNanos > 0 ? theoreticalArrival : nowNanos;
        long wait = arrival - nowNanos - burstTolerance;
        if (wait > 0) {
            return Duration.ofNanos(wait);
        }
        theoreticalArrival = arrival + interval;
        return Duration.ZERO;
    }
}
