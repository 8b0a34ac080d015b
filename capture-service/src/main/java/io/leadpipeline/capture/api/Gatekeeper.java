package io.leadpipeline.capture.api;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.CaptureRules.SiteKey;

/** Who is asking and whether they may ask now: API keys (401) and rate limits per key or per client IP (429). */
@ApplicationScoped
public class Gatekeeper {

    static final String CLIENT_IP_LIMIT = "client_ip";
    static final String API_KEY_LIMIT = "api_key";

    /** A request refused before anything else was looked at. */
    public static final class RefusedException extends Exception {
        private final RejectionReason reason;
        private final transient Refusal refusal;

        RefusedException(RejectionReason reason, Refusal refusal) {
            super(refusal.detail(), null, false, false);
            this.reason = reason;
            this.refusal = refusal;
        }

        public RejectionReason reason() {
            return reason;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final RateLimiter limiter;
    private final CaptureMetrics metrics;

    public Gatekeeper(RateLimiter limiter, CaptureMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /**
     * The site key the request presents: empty when it presents none (a browser), refused (401) when it presents
     * one we do not know; a wrong key is never quietly treated as no key.
     *
     * @param rules the version this request is decided under
     */
    public Optional<SiteKey> authenticate(CaptureRules rules, ClientRequest client) throws RefusedException {
        if (!client.authorizationPresent()) {
            return Optional.empty();
        }
        Optional<SiteKey> key = client.bearerSecret().flatMap(rules::apiKey);
        if (key.isEmpty()) {
            throw unauthorized("The API key is not valid (Authorization: Bearer <key>)");
        }
        return key;
    }

    /** Like {@link #authenticate} but a key is required (401 without one). */
    public SiteKey requireKey(CaptureRules rules, ClientRequest client) throws RefusedException {
        return authenticate(rules, client).orElseThrow(() -> unauthorized("An API key is required (Authorization: Bearer <key>)"));
    }

    /** Trusted servers are limited per key, everyone else per client IP; a refusal is a 429 with Retry-After. */
    public Optional<Refusal> rateLimit(CaptureRules rules, ClientRequest client, Optional<SiteKey> key) {
        String limitName = key.isPresent() ? API_KEY_LIMIT : CLIENT_IP_LIMIT;
        Duration wait = key.isPresent()
                ? limiter.acquire(rules, "key:" + key.get().site().id() + "/" + key.get().key().id(), rules.rateLimitOf(key.get().key()))
                : limiter.acquire(rules, "ip:" + client.clientIp(), rules.perClientIp());
        if (wait.isZero()) {
            return Optional.empty();
        }
        metrics.rateLimited(limitName);
        return Optional.of(new Refusal(429, "Too many requests " + (key.isPresent() ? "for this API key" : "from this address")
                + "; retry after the time in Retry-After", java.util.List.of(), java.util.Map.of())
                .withHeader("Retry-After", RateLimiter.retryAfterSeconds(wait)));
    }

    private static RefusedException unauthorized(String detail) {
        return new RefusedException(RejectionReason.UNAUTHENTICATED,
                Refusal.of(Response.Status.UNAUTHORIZED, detail).withHeader("WWW-Authenticate", "Bearer realm=\"capture\""));
    }
}
