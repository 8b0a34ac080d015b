package io.leadpipeline.capture.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hand-written because {@code @Email} accepts what real forms refuse (no top-level domain, quoted or non-ASCII local
 * parts): our email rule behind {@code @EmailAddress}, syntax and RFC 5321 length limits, 64 octets of local part, 255
 * of domain, 254 in all (a path of 256 less the brackets).
 */
public final class EmailAddresses {

    public static final String MALFORMED = "must be an email address like name@example.com";
    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;
    static final int MAX_DOMAIN = 255;

    // Pragmatic addr-spec: dot-atom local part and a dotted domain of LDH labels; what real forms accept.
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {
    }

    /** Why the address is not acceptable, or empty when it is. */
    public static Optional<String> problem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("is required");
        }
        String trimmed = email.trim();
        if (trimmed.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return Optional.of(MALFORMED);
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART) {
            return Optional.of("must have at most " + MAX_LOCAL_PART + " characters before the @");
        }
        if (domain.length() > MAX_DOMAIN || !LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return Optional.of(MALFORMED);
        }
        return Optional.empty();
    }
}
