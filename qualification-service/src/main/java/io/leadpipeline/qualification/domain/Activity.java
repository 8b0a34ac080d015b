package io.leadpipeline.qualification.domain;

import java.time.Instant;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;

/**
 * One scored thing a lead did: a conversion (form type) or an engagement (type, page URL, the nurture touch it
 * answers). Kept with its own time so decay and out-of-order arrival need nothing else.
 */
public record Activity(String eventId, Kind kind, FormType formType, EngagementType engagementType, String url,
        String touchId, Instant occurredAt, int cycle) {

    public enum Kind {
        CONVERSION, ENGAGEMENT
    }

    public static Activity conversion(String eventId, FormType formType, Instant occurredAt, int cycle) {
        return new Activity(eventId, Kind.CONVERSION, formType, null, null, null, occurredAt, cycle);
    }

    public static Activity engagement(String eventId, EngagementType type, String url, String touchId, Instant occurredAt,
            int cycle) {
        return new Activity(eventId, Kind.ENGAGEMENT, null, type, url, touchId, occurredAt, cycle);
    }
}
