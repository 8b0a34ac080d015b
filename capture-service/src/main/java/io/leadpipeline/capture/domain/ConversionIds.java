package io.leadpipeline.capture.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.leadpipeline.kafka.EventIds;

/**
 * Conversion ids that any capture instance computes alike, so a retry or a double click that reaches another
 * instance (or this one after a restart) carries the same id and consumers, which dedupe on it, count it once.
 */
public final class ConversionIds {

    static final String KIND = "conversion";

    private ConversionIds() {
    }

    /** A client-chosen {@code Idempotency-Key} names the conversion within its site. */
    public static String forIdempotencyKey(String siteId, String idempotencyKey) {
        return EventIds.derive(KIND, siteId, "idempotency-key", idempotencyKey);
    }

    /**
     * Without a key, the content and the double-click window it arrived in name the conversion: identical
     * submissions in the same window are one conversion, the same person filling the form again next week is another.
     */
    public static String forContent(String siteId, String fingerprint, Instant receivedAt, Duration window) {
        long windowStart = Math.floorDiv(receivedAt.toEpochMilli(), window.toMillis());
        return EventIds.derive(KIND, siteId, "content", fingerprint, Long.toString(windowStart));
    }

    /** SHA-256 of the submission's canonical content: equal for equal form fills, whatever their formatting. */
    public static String fingerprint(NormalizedConversion conversion) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(conversion.canonicalContent().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
