package io.leadpipeline.qualification.domain;

import java.time.Instant;

/** The nurture enrollment a lead is in, as nurture-service announced it on lead.nurture-enrollments. */
public record NurtureStatus(String enrollmentId, String track, int cycle, Instant since) {
}
