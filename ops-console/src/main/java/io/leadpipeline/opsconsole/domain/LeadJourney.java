package io.leadpipeline.opsconsole.domain;

import java.util.List;

import io.leadpipeline.events.LeadStage;

/**
 * Every event the console kept about one lead, oldest first, with its current stage (from the latest decision,
 * null before the first) and whether older events were dropped to stay within the per-lead limit.
 */
public record LeadJourney(String leadId, LeadStage stage, List<TimelineEntry> events, boolean truncated) {
}
