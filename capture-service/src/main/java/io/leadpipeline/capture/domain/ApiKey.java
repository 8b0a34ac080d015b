package io.leadpipeline.capture.domain;

import java.util.Optional;

/**
 * A secret key a trusted server of a site sends as {@code Authorization: Bearer <secret>}. Only the SHA-256 of
 * the secret is configured, so the configuration holds no secret.
 */
public record ApiKey(String id, String sha256, Optional<RateLimit> rateLimit) {
}
