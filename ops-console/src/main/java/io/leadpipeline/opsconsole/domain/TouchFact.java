package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

/** A {@code NurtureTouchDue}: a nurture email is due for the lead ({@link #at()} is the due time). */
public record TouchFact(String eventId, String leadId, Instant at, String enrollmentId, String track, int step,
        String template) implements PipelineFact {
}
