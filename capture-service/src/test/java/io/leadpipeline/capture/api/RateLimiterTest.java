package io.leadpipeline.capture.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.config.CaptureRuleSet;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.Idempotency;
import io.leadpipeline.capture.domain.RateLimit;
import io.leadpipeline.capture.domain.SpamRules;
import io.leadpipeline.service.rules.LiveRules;

/** Proves the rate limiter follows a new rules version: a changed limit applies at once, an unchanged one keeps counting. */
class RateLimiterTest {

    private static CaptureRules rules(RateLimit perClientIp) {
        return new CaptureRules(new SpamRules("website", Set.of(), Set.of()), perClientIp, new RateLimit(100, Duration.ofSeconds(1)),
                new Idempotency(Duration.ofSeconds(10), Duration.ofHours(24)), List.of());
    }

    @Test
    void shouldApplyTheLimitOfTheRequestsRulesVersion() {
        CaptureRules strict = rules(new RateLimit(1, Duration.ofHours(1)));
        RateLimiter limiter = new RateLimiter(LiveRules.fixed(CaptureRuleSet.RULE_SET, strict, "v1"));

        assertEquals(Duration.ZERO, limiter.acquire(strict, "ip:198.51.100.1", strict.perClientIp()));
        assertTrue(limiter.acquire(strict, "ip:198.51.100.1", strict.perClientIp()).toMinutes() > 50, "1 per hour: the second waits");

        CaptureRules sameLimitNewVersion = rules(new RateLimit(1, Duration.ofHours(1)));
        assertTrue(limiter.acquire(sameLimitNewVersion, "ip:198.51.100.1", sameLimitNewVersion.perClientIp()).toMinutes() > 50,
                "a new version with the same limit does not hand out a fresh bucket");

        CaptureRules generous = rules(new RateLimit(100, Duration.ofHours(1)));
        assertEquals(Duration.ZERO, limiter.acquire(generous, "ip:198.51.100.1", generous.perClientIp()),
                "a raised limit applies to the next request, without a restart");
    }
}
