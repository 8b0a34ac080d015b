package io.leadpipeline.nurture.domain;

import io.leadpipeline.events.HandoffOutcomeType;

/**
 * A closer's answer to a handoff (or its expiry) as nurture sees it; {@code contact} is null when routing sent no lead
 * snapshot with it.
 */
public record HandoffOutcome(String outcomeId, HandoffOutcomeType type, Persona persona, Contact contact) {
}
