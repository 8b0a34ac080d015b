package io.leadpipeline.nurture.domain;

import java.time.Duration;

/** When a lead that left a track may be enrolled again: not within {@code coolDown} of its exit, at most {@code maxCycles} times. */
public record Reenrollment(Duration coolDown, int maxCycles) {
}
