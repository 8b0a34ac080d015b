package io.leadpipeline.capture.api;

/** The 202 body of an engagement: its id and the lead it belongs to. */
public record EngagementAccepted(String engagementId, String leadId) {
}
