package io.leadpipeline.testkit;

import java.time.Duration;
import java.util.Optional;

import io.leadpipeline.service.security.AccessKeys;
import io.leadpipeline.service.security.Roles;

/**
 * Tokens for the {@code @QuarkusTest}s, signed with the test key pair on this jar's class path
 * ({@code test-access-keys/}), which the services' {@code %test} profile verifies with. As an
 * {@code Authorization} header value: {@code "Bearer " + token}.
 */
public final class TestTokens {

    /** The services' %test profile: {@code mp.jwt.verify.publickey.location} (a class path resource). */
    public static final String VERIFY_KEY = "test-access-keys/verify-key.pem";
    private static final AccessKeys KEYS = AccessKeys.fromClasspath("test-access-keys/signing-key.pem");
    private static final Duration TTL = Duration.ofHours(1);

    private TestTokens() {
    }

    /** {@code Authorization} value for a token of {@code role} (not closer: see {@link #closer}). */
    public static String bearer(String role) {
        return "Bearer " + KEYS.mint(role, Optional.empty(), role, TTL);
    }

    /** {@code Authorization} value for closer {@code closerId}'s token. */
    public static String closer(String closerId) {
        return "Bearer " + KEYS.mint(Roles.CLOSER, Optional.of(closerId), closerId, TTL);
    }

    /** A token that expired a minute ago (negative lifetime), otherwise valid. */
    public static String expired(String role) {
        return "Bearer " + KEYS.mint(role, Optional.empty(), role, Duration.ofMinutes(-1));
    }
}
