package io.leadpipeline.capture.api;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.RateLimit;
import io.leadpipeline.capture.domain.TokenBucket;

/**
 * Per-client-IP and per-API-key token buckets, held in memory by this instance: with n instances behind a load
 * balancer a client gets up to n times the configured rate. Idle buckets are forgotten (a forgotten bucket is a full one).
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 200_000;

    private final Cache<String, TokenBucket> buckets;

    public RateLimiter(CaptureRules rules) {
        // A bucket idle for its longest refill period is full again, so forgetting it then changes nothing.
        Duration idle = Stream.concat(Stream.of(rules.perClientIp(), rules.perApiKey()),
                        rules.sites().stream().flatMap(site -> site.apiKeys().stream()).map(rules::rateLimitOf))
                .map(RateLimit::per)
                .max(Duration::compareTo)
                .orElseThrow();
        buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_CLIENTS).expireAfterAccess(idle).build();
    }

    /** Takes one request from the bucket named {@code bucket}: zero when allowed, otherwise how long to wait. */
    public Duration acquire(String bucket, RateLimit limit) {
        long now = System.nanoTime();
        // The limit is part of the name so a changed limit (after a restart with a new file) starts a new bucket.
        return buckets.get(bucket + "|" + limit.requests() + "/" + limit.per(), name -> new TokenBucket(limit, now)).tryTake(now);
    }

    /** Retry-After in whole seconds, at least 1. */
    public static String retryAfterSeconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
