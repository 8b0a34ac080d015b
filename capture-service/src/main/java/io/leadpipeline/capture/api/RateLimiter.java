package io.leadpipeline.capture.api;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.RateLimit;
import io.leadpipeline.capture.domain.TokenBucket;
import io.leadpipeline.service.rules.LiveRules;

/**
 * Per-client-IP and per-API-key token buckets, held in memory by this instance: with n instances behind a load
 * balancer a client gets up to n times the configured rate. Idle buckets are forgotten (a forgotten bucket is a full one).
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 200_000;

    private final Cache<String, TokenBucket> buckets;
    /** The rules the idle time was last set for; compared by identity, so a new version costs one look, once. */
    private volatile CaptureRules followed;

    public RateLimiter(LiveRules<CaptureRules> rules) {
        CaptureRules current = rules.get();
        buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_CLIENTS).expireAfterAccess(idleTime(current)).build();
        followed = current;
    }

    /**
     * Takes one request from the bucket named {@code bucket} under {@code limit} of {@code rules} (the request's
     * version): zero when allowed, otherwise how long to wait.
     */
    public Duration acquire(CaptureRules rules, String bucket, RateLimit limit) {
        if (rules != followed) {
            follow(rules);
        }
        long now = System.nanoTime();
        // The limit is part of the name so a changed limit (a new rules version) starts a new bucket; the old one idles out.
        return buckets.get(bucket + "|" + limit.requests() + "/" + limit.per(), name -> new TokenBucket(limit, now)).tryTake(now);
    }

    /** A new rules version: buckets stay (a limit that did not change keeps counting), the idle time follows the rules. */
    private synchronized void follow(CaptureRules rules) {
        if (rules != followed) {
            Duration idle = idleTime(rules);
            buckets.policy().expireAfterAccess().ifPresent(expiry -> expiry.setExpiresAfter(idle));
            followed = rules;
        }
    }

    /** A bucket idle for its longest refill period is full again, so forgetting it then changes nothing. */
    private static Duration idleTime(CaptureRules rules) {
        return Stream.concat(Stream.of(rules.perClientIp(), rules.perApiKey()),
                        rules.sites().stream().flatMap(site -> site.apiKeys().stream()).map(rules::rateLimitOf))
                .map(RateLimit::per)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /** Retry-After in whole seconds, at least 1. */
    public static String retryAfterSeconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
