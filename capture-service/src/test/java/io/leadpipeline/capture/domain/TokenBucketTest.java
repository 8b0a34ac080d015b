package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Proves the token bucket allows a burst of the configured size, then one request per refill interval, and says how long to wait. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowABurstThenRefuseWithTheTimeUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(new RateLimit(3, Duration.ofSeconds(30)), 0);
        assertEquals(Duration.ZERO, bucket.tryTake(0));
        assertEquals(Duration.ZERO, bucket.tryTake(0));
        assertEquals(Duration.ZERO, bucket.tryTake(0));
        assertEquals(Duration.ofSeconds(10), bucket.tryTake(0));
        assertEquals(Duration.ofSeconds(4), bucket.tryTake(6 * SECOND));
        assertEquals(Duration.ZERO, bucket.tryTake(10 * SECOND));
    }

    @Test
    void shouldNeverHoldMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(new RateLimit(2, Duration.ofSeconds(2)), 0);
        long later = 3600 * SECOND;
        assertEquals(Duration.ZERO, bucket.tryTake(later));
        assertEquals(Duration.ZERO, bucket.tryTake(later));
        assertEquals(Duration.ofSeconds(1), bucket.tryTake(later));
    }
}
