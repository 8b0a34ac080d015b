package io.leadpipeline.qualification.domain;

import java.time.Instant;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.HandoffOutcomeType;

/** What can happen to a lead, as qualification sees it; each carries its event id (for idempotency) and event time. */
public sealed interface LeadEvent {

    String eventId();

    Instant at();

    /** A form fill (lead.conversions). */
    record Converted(String eventId, Instant at, Contact contact, boolean marketingOptIn, String consentText,
            LeadAttribution attribution, FormType formType) implements LeadEvent {
    }

    /** Tracked activity (lead.engagements); touchId is set when it answers a nurture touch. */
    record Engaged(String eventId, Instant at, EngagementType type, String url, String touchId) implements LeadEvent {
    }

    /** A closer's verdict on a handoff (lead.handoff-outcomes). */
    record HandoffConcluded(String eventId, Instant at, HandoffOutcomeType outcome, String closerId, String reasonCode)
            implements LeadEvent {
    }

    /** Nurture enrolled the lead in a track (lead.nurture-enrollments). */
    record EnteredNurture(String eventId, Instant at, String enrollmentId, String track, int cycle) implements LeadEvent {
    }

    /** The lead left a nurture track (lead.nurture-enrollments). */
    record LeftNurture(String eventId, Instant at, String enrollmentId, String track, String reason) implements LeadEvent {
    }
}
