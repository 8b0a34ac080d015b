package io.leadpipeline.capture.messaging;

import java.time.Instant;
import java.util.Optional;

import io.leadpipeline.capture.domain.CaptureRules.SiteForm;
import io.leadpipeline.capture.domain.NormalizedConversion;
import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.kafka.LeadIds;

/** Turns a validated conversion into the {@code ConversionCaptured} contract. */
public final class ConversionEvents {

    private ConversionEvents() {
    }

    /**
     * @param clientIp kept only when the site stores client IPs (null otherwise)
     * @param trusted  posted by a server with the site's API key
     */
    public static ConversionCaptured captured(String conversionId, NormalizedConversion conversion, SiteForm siteForm,
            Instant receivedAt, String clientIp, boolean trusted) {
        return ConversionCaptured.newBuilder()
                .setConversionId(conversionId)
                .setLeadId(LeadIds.fromEmail(conversion.email()))
                .setOccurredAt(Optional.ofNullable(conversion.submittedAt()).orElse(receivedAt))
                .setReceivedAt(receivedAt)
                .setFormId(siteForm.form().id())
                // The form's configured type is authoritative: a page cannot turn a newsletter signup into a demo request.
                .setFormType(siteForm.form().type())
                .setSiteId(siteForm.site().id())
                .setContact(ContactDetails.newBuilder()
                        .setEmail(conversion.email())
                        .setFirstName(conversion.firstName())
                        .setLastName(conversion.lastName())
                        .setCompany(conversion.company())
                        .setJobTitle(conversion.jobTitle())
                        .setPhone(conversion.phone())
                        .setCountry(conversion.country())
                        .setCompanySize(conversion.companySize())
                        .setEmployees(conversion.employees())
                        .setIndustry(conversion.industry())
                        .build())
                .setAttribution(Attribution.newBuilder()
                        .setPageUrl(conversion.pageUrl())
                        .setReferrer(conversion.referrer())
                        .setUtmSource(conversion.utmSource())
                        .setUtmMedium(conversion.utmMedium())
                        .setUtmCampaign(conversion.utmCampaign())
                        .setUtmTerm(conversion.utmTerm())
                        .setUtmContent(conversion.utmContent())
                        .setVisitorId(conversion.visitorId())
                        .build())
                .setConsent(MarketingConsent.newBuilder()
                        .setMarketingOptIn(conversion.marketingOptIn())
                        .setText(conversion.consentText())
                        .build())
                .setCustomFields(conversion.customFields())
                .setClientIp(siteForm.site().storeClientIp() ? clientIp : null)
                .setSourceTrusted(trusted)
                .build();
    }
}
