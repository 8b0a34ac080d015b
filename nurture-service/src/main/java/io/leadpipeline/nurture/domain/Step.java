package io.leadpipeline.nurture.domain;

import java.time.Duration;

import io.leadpipeline.events.TouchChannel;

/** One step of a track: sent {@code after} the previous step (or the enrollment, for the first), with a template. */
public record Step(Duration after, String template, TouchChannel channel) {
}
