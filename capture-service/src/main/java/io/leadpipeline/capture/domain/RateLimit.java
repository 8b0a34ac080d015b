package io.leadpipeline.capture.domain;

import java.time.Duration;

/** At most {@code requests} requests per {@code per}, with bursts up to {@code requests}. */
public record RateLimit(int requests, Duration per) {

    public RateLimit {
        if (requests <= 0 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs requests > 0 and a positive period");
        }
    }
}
