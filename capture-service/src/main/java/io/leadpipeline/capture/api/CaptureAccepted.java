package io.leadpipeline.capture.api;

/** The 202 body: the id of this conversion and of the lead it belongs to. */
public record CaptureAccepted(String conversionId, String leadId) {
}
