package io.leadpipeline.qualification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.kafka.LeadIds;

/** Conversions as capture-service writes them, for the tests. */
public final class TestConversions {

    private TestConversions() {
    }

    public static ConversionCaptured conversion(String email, FormType formType, String company, String jobTitle) {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        return ConversionCaptured.newBuilder()
                .setConversionId(UUID.randomUUID().toString())
                .setLeadId(LeadIds.fromEmail(email))
                .setOccurredAt(now)
                .setReceivedAt(now)
                .setFormId(formType.name().toLowerCase())
                .setFormType(formType)
                .setContact(ContactDetails.newBuilder().setEmail(email).setFirstName("Test").setCompany(company)
                        .setJobTitle(jobTitle).setCompanySize("500").setCountry("US").build())
                .setAttribution(Attribution.newBuilder().setUtmSource("google").build())
                .setConsent(new MarketingConsent(true, "v1"))
                .setCustomFields(Map.of())
                .build();
    }

    public static ConversionCaptured salesReady(String email) {
        return conversion(email, FormType.DEMO_REQUEST, "Acme Corp", "VP Sales");
    }

    public static ConversionCaptured notReady(String email) {
        return conversion(email, FormType.CONTENT_DOWNLOAD, null, "Student");
    }
}
