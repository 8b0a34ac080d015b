package io.leadpipeline.capture.api;

import java.util.Locale;

/** Why a request was refused: the {@code reason} tag of the {@code capture.rejected} metric. */
public enum RejectionReason {
    INVALID_FIELDS,
    JUNK_EMAIL,
    MALFORMED_BODY,
    UNKNOWN_FORM,
    ORIGIN_NOT_ALLOWED,
    UNAUTHENTICATED,
    KEY_NOT_FOR_SITE,
    IDEMPOTENCY_KEY_REUSED,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
