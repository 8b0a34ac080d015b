package io.leadpipeline.qualification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.kafka.LeadIds;

/** Input events as capture, routing and nurture write them, for the tests. */
public final class TestConversions {

    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private TestConversions() {
    }

    public static ConversionCaptured conversion(String email, FormType formType, String company, String jobTitle) {
        return conversion(email, formType, company, jobTitle, "500", "US", T0);
    }

    public static ConversionCaptured conversion(String email, FormType formType, String company, String jobTitle,
            String companySize, String country, Instant at) {
        return ConversionCaptured.newBuilder()
                .setConversionId(UUID.randomUUID().toString())
                .setLeadId(LeadIds.fromEmail(email))
                .setOccurredAt(at)
                .setReceivedAt(at)
                .setFormId(formType.name().toLowerCase())
                .setFormType(formType)
                .setContact(ContactDetails.newBuilder().setEmail(email).setFirstName("Jo").setCompany(company)
                        .setJobTitle(jobTitle).setCompanySize(companySize).setCountry(country).build())
                .setAttribution(Attribution.newBuilder().setUtmSource("google").build())
                .setConsent(new MarketingConsent(true, "v1"))
                .setCustomFields(Map.of())
                .build();
    }

    /** A VP at a 500-person US company requesting a demo: fast-tracked to SQL. */
    public static ConversionCaptured salesReady(String email) {
        return conversion(email, FormType.DEMO_REQUEST, "Acme Corp", "VP Sales");
    }

    /** A student with no company downloading an ebook: rejected as not a fit, and nurtured. */
    public static ConversionCaptured notReady(String email) {
        return conversion(email, FormType.CONTENT_DOWNLOAD, null, "Student");
    }

    public static EngagementTracked engagement(String email, EngagementType type, String url, Instant at) {
        return engagement(email, type, url, null, at);
    }

    public static EngagementTracked engagement(String email, EngagementType type, String url, String touchId, Instant at) {
        return EngagementTracked.newBuilder()
                .setEngagementId(UUID.randomUUID().toString())
                .setLeadId(LeadIds.fromEmail(email))
                .setOccurredAt(at)
                .setReceivedAt(at)
                .setType(type)
                .setDetail(EngagementDetail.newBuilder().setUrl(url).setTouchId(touchId).build())
                .build();
    }

    public static HandoffOutcomeRecorded closerRejected(String email, Instant at) {
        return HandoffOutcomeRecorded.newBuilder()
                .setOutcomeId(UUID.randomUUID().toString())
                .setHandoffId(UUID.randomUUID().toString())
                .setLeadId(LeadIds.fromEmail(email))
                .setCloserId("closer-1")
                .setOutcome(HandoffOutcomeType.REJECTED)
                .setReasonCode(HandoffRejectionReason.BAD_TIMING)
                .setOccurredAt(at)
                .build();
    }

    public static NurtureEnrollmentChanged enrolled(String email, String track, Instant at) {
        String leadId = LeadIds.fromEmail(email);
        return NurtureEnrollmentChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setLeadId(leadId)
                .setOccurredAt(at)
                .setChange(NurtureEnrolled.newBuilder()
                        .setEnrollmentId("enrollment-" + leadId)
                        .setLeadId(leadId)
                        .setTrack(track)
                        .setReason(NurtureEnrollmentReason.NOT_A_FIT)
                        .setCycle(1)
                        .setEnrolledAt(at)
                        .setSourceEventId("decision")
                        .build())
                .build();
    }
}
