package io.leadpipeline.capture.domain;

import java.time.Instant;

/** An engagement as a tracking pixel, email platform or webinar tool reports it (JSON body of POST /v1/engagements). */
public record EngagementSubmission(
        String type,
        String email,
        String leadId,
        Instant occurredAt,
        String url,
        String campaign,
        String touchId,
        String contentId) {
}
