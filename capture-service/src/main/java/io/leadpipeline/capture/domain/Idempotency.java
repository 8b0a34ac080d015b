package io.leadpipeline.capture.domain;

import java.time.Duration;

/**
 * How long an instance remembers what it captured: identical submissions without an {@code Idempotency-Key}
 * within {@code doubleClickWindow} are one conversion; an {@code Idempotency-Key} is remembered for {@code keyRetention}.
 */
public record Idempotency(Duration doubleClickWindow, Duration keyRetention) {
}
