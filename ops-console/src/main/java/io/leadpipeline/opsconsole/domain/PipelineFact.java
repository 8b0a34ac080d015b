package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

/**
 * What the console learned from one record on a pipeline topic, in its own terms: the event's id (to ignore a
 * record seen twice), the lead it is about and the time the event itself carries (not the time we read it).
 */
public sealed interface PipelineFact permits ConversionFact, EngagementFact, DecisionFact, HandoffFact, OutcomeFact,
        EnrollmentFact, EnrollmentExitFact, TouchFact, DeadLetterFact {

    String eventId();

    /** The lead id (the record key); null only for a dead letter whose key was missing. */
    String leadId();

    Instant at();
}
