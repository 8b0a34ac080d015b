package io.leadpipeline.capture.api;

/** The 202 body of an erasure request: its id (the engagement id on lead.engagements) and the lead it erases. */
public record ErasureAccepted(String erasureId, String leadId) {
}
