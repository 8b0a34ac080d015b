package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextSafeTest {

    @Test
    void shouldEchoAFormIdButNeverAnEmailAddress() {
        assertEquals("demo-requst", TextSafe.of("demo-requst"));
        assertEquals("[email address]' OR 1=1--", TextSafe.of("jane@example.com' OR 1=1--"));
        assertEquals("x [email address] y", TextSafe.of("x jane%40example.com y"));
    }

    @Test
    void shouldKeepOneShortLine() {
        assertEquals("a b", TextSafe.of("a\nb"));
        assertEquals("x".repeat(100) + "…", TextSafe.of("x".repeat(500)));
    }
}
