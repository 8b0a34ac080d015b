package io.leadpipeline.qualification.streams;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;

import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadAttribution;
import io.leadpipeline.qualification.domain.LeadEvent;

/**
 * Turns the input contracts into domain events, or says why a record lacks what scoring needs (it then goes to the
 * dead-letter topic). The record key must be the lead id: it is what keeps a lead's events on one partition.
 */
final class InputEvents {

    private InputEvents() {
    }

    /** A usable event, or the reason the record is unusable. */
    record Parsed(LeadEvent event, String leadId, String problem) {

        static Parsed ok(String leadId, LeadEvent event) {
            return new Parsed(event, leadId, null);
        }

        static Parsed unusable(String problem) {
            return new Parsed(null, null, problem);
        }
    }

    static Parsed parse(String key, SpecificRecord value) {
        if (value == null) {
            return Parsed.unusable("Empty value (tombstone): nothing to score");
        }
        return switch (value) {
            case ConversionCaptured c -> conversion(key, c);
            case EngagementTracked e -> keyed(key, e.getLeadId(), "engagementId", e.getEngagementId(),
                    () -> new LeadEvent.Engaged(e.getEngagementId(), effectiveTime(e.getOccurredAt(), e.getReceivedAt()),
                            e.getType(), e.getDetail() == null ? null : e.getDetail().getUrl(),
                            e.getDetail() == null ? null : e.getDetail().getTouchId()));
            case HandoffOutcomeRecorded o -> keyed(key, o.getLeadId(), "outcomeId", o.getOutcomeId(),
                    () -> new LeadEvent.HandoffConcluded(o.getOutcomeId(), o.getOccurredAt(), o.getOutcome(), o.getCloserId(),
                            o.getReasonCode() == null ? null : o.getReasonCode().name()));
            case NurtureEnrollmentChanged n when !(n.getChange() instanceof NurtureEnrolled || n.getChange() instanceof NurtureExited) ->
                    Parsed.unusable("Nurture change " + n.getEventId() + " is neither an enrollment nor an exit");
            case NurtureEnrollmentChanged n -> keyed(key, n.getLeadId(), "eventId", n.getEventId(), () -> switch (n.getChange()) {
                case NurtureEnrolled enrolled -> new LeadEvent.EnteredNurture(n.getEventId(), n.getOccurredAt(),
                        enrolled.getEnrollmentId(), enrolled.getTrack(), enrolled.getCycle());
                case NurtureExited exited -> new LeadEvent.LeftNurture(n.getEventId(), n.getOccurredAt(),
                        exited.getEnrollmentId(), exited.getTrack(), exited.getReason().name());
                default -> throw new IllegalStateException("checked above");
            });
            default -> Parsed.unusable("Unexpected record type " + value.getClass().getName());
        };
    }

    private static Parsed conversion(String key, ConversionCaptured c) {
        ContactDetails submitted = c.getContact();
        if (submitted == null || blank(submitted.getEmail())) {
            return Parsed.unusable("Conversion " + c.getConversionId() + " has no email address");
        }
        return keyed(key, c.getLeadId(), "conversionId", c.getConversionId(), () -> {
            var source = c.getAttribution();
            LeadAttribution attribution = source == null ? null : new LeadAttribution(source.getPageUrl(), source.getReferrer(),
                    source.getUtmSource(), source.getUtmMedium(), source.getUtmCampaign(), source.getUtmTerm(),
                    source.getUtmContent(), source.getVisitorId());
            Contact contact = new Contact(submitted.getEmail().trim().toLowerCase(java.util.Locale.ROOT), submitted.getFirstName(),
                    submitted.getLastName(), submitted.getCompany(), submitted.getJobTitle(), submitted.getPhone(),
                    submitted.getCountry(), submitted.getCompanySize(), submitted.getEmployees(), submitted.getIndustry());
            boolean optIn = c.getConsent() != null && c.getConsent().getMarketingOptIn();
            String consentText = c.getConsent() == null ? null : c.getConsent().getText();
            return new LeadEvent.Converted(c.getConversionId(), effectiveTime(c.getOccurredAt(), c.getReceivedAt()), contact,
                    optIn, consentText, attribution, c.getFormType());
        });
    }

    private static Parsed keyed(String key, String leadId, String idName, String eventId,
            java.util.function.Supplier<LeadEvent> event) {
        if (blank(leadId)) {
            return Parsed.unusable("No leadId");
        }
        if (!leadId.equals(key)) {
            // The key itself is not quoted: a producer keying by email would put addresses in logs and headers.
            return Parsed.unusable("Record key " + (key == null ? "(none)" : "(" + key.length() + " characters)")
                    + " is not the leadId " + leadId + ": the lead's events would not stay on one partition");
        }
        if (blank(eventId)) {
            return Parsed.unusable("No " + idName + ": the event cannot be deduplicated");
        }
        return Parsed.ok(leadId, event.get());
    }

    /** When it happened, as far as we can trust it: a client clock ahead of capture's is capped at receipt. */
    static Instant effectiveTime(Instant occurredAt, Instant receivedAt) {
        if (occurredAt == null) {
            return receivedAt;
        }
        return receivedAt != null && occurredAt.isAfter(receivedAt) ? receivedAt : occurredAt;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
