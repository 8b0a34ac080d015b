package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Proves conversion ids depend only on what identifies the conversion, so every instance and every restart agree. */
class ConversionIdsTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Test
    void shouldDeriveTheSameIdFromTheSameIdempotencyKeyOfTheSameSite() {
        assertEquals(ConversionIds.forIdempotencyKey("example", "k-1"), ConversionIds.forIdempotencyKey("example", "k-1"));
        assertNotEquals(ConversionIds.forIdempotencyKey("example", "k-1"), ConversionIds.forIdempotencyKey("partner", "k-1"));
        assertNotEquals(ConversionIds.forIdempotencyKey("example", "k-1"), ConversionIds.forIdempotencyKey("example", "k-2"));
    }

    @Test
    void shouldDeriveOneIdForIdenticalContentWithinAWindowAndAnotherLater() {
        Instant at = Instant.parse("2026-03-01T10:00:01Z");
        String first = ConversionIds.forContent("example", "abc", at, WINDOW);
        assertEquals(first, ConversionIds.forContent("example", "abc", at.plusSeconds(3), WINDOW));
        assertNotEquals(first, ConversionIds.forContent("example", "abc", at.plus(Duration.ofDays(7)), WINDOW));
        assertNotEquals(first, ConversionIds.forContent("example", "abd", at, WINDOW));
    }
}
