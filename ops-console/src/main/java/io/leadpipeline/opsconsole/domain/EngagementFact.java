package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

import io.leadpipeline.events.EngagementType;

/** An {@code EngagementTracked}: the lead viewed a page, opened or clicked an email, and so on. */
public record EngagementFact(String eventId, String leadId, Instant at, EngagementType type, String url,
        String campaign, String touchId) implements PipelineFact {
}
