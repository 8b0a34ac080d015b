package io.leadpipeline.capture.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.leadpipeline.capture.domain.ConversionSubmission;
import io.leadpipeline.capture.domain.ConversionValidator;
import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.kafka.LeadIds;

/** Turns a validated submission into the {@code ConversionCaptured} contract. */
public final class ConversionEvents {

    private ConversionEvents() {
    }

    public static ConversionCaptured captured(ConversionSubmission submission, Instant receivedAt) {
        String email = LeadIds.normalizeEmail(submission.email());
        ConversionSubmission.Utm utm = Optional.ofNullable(submission.utm())
                .orElse(new ConversionSubmission.Utm(null, null, null, null, null));
        ConversionSubmission.Consent consent = Optional.ofNullable(submission.consent())
                .orElse(new ConversionSubmission.Consent(false, null));
        FormType formType = submission.formType() == null ? FormType.OTHER : ConversionValidator.parseFormType(submission.formType());
        return ConversionCaptured.newBuilder()
                .setConversionId(UUID.randomUUID().toString())
                .setLeadId(LeadIds.fromEmail(email))
                .setOccurredAt(Optional.ofNullable(submission.submittedAt()).orElse(receivedAt))
                .setReceivedAt(receivedAt)
                .setFormId(submission.formId().trim())
                .setFormType(formType)
                .setContact(ContactDetails.newBuilder()
                        .setEmail(email)
                        .setFirstName(clean(submission.firstName()))
                        .setLastName(clean(submission.lastName()))
                        .setCompany(clean(submission.company()))
                        .setJobTitle(clean(submission.jobTitle()))
                        .setPhone(clean(submission.phone()))
                        .setCountry(clean(submission.country()))
                        .setCompanySize(clean(submission.companySize()))
                        .setIndustry(clean(submission.industry()))
                        .build())
                .setAttribution(Attribution.newBuilder()
                        .setPageUrl(clean(submission.pageUrl()))
                        .setReferrer(clean(submission.referrer()))
                        .setUtmSource(clean(utm.source()))
                        .setUtmMedium(clean(utm.medium()))
                        .setUtmCampaign(clean(utm.campaign()))
                        .setUtmTerm(clean(utm.term()))
                        .setUtmContent(clean(utm.content()))
                        .setVisitorId(clean(submission.visitorId()))
                        .build())
                .setConsent(MarketingConsent.newBuilder()
                        .setMarketingOptIn(Boolean.TRUE.equals(consent.marketing()))
                        .setText(clean(consent.text()))
                        .build())
                .setCustomFields(Optional.ofNullable(submission.fields()).orElse(Map.of()))
                .build();
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
