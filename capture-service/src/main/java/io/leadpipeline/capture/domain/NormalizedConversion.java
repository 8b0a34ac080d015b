package io.leadpipeline.capture.domain;

import java.time.Instant;
import java.util.SortedMap;

import io.leadpipeline.events.FormType;

/**
 * A submission that passed validation, cleaned: lower-cased email, country as alpha-2, company size normalized
 * (and read as {@code employees}), control characters gone, blanks absent (null). {@code submittedAt} is kept only
 * for trusted servers.
 */
public record NormalizedConversion(
        String email,
        String formId,
        FormType requestedFormType,
        String firstName,
        String lastName,
        String company,
        String jobTitle,
        String phone,
        String country,
        String companySize,
        Integer employees,
        String industry,
        String pageUrl,
        String referrer,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmTerm,
        String utmContent,
        String visitorId,
        boolean marketingOptIn,
        String consentText,
        SortedMap<String, String> customFields,
        Instant submittedAt) {

    /**
     * Everything the visitor submitted, in a fixed order: two submissions with the same fingerprint are the same
     * form fill (a double click), whatever whitespace or key order they arrived with. {@code employees} is left out:
     * it is read from {@code companySize}, and leaving it out keeps the fingerprints of earlier conversions.
     */
    public String canonicalContent() {
        return String.join("\u001f", String.valueOf(email), String.valueOf(formId), String.valueOf(requestedFormType),
                String.valueOf(firstName), String.valueOf(lastName), String.valueOf(company), String.valueOf(jobTitle),
                String.valueOf(phone), String.valueOf(country), String.valueOf(companySize), String.valueOf(industry),
                String.valueOf(pageUrl), String.valueOf(referrer), String.valueOf(utmSource), String.valueOf(utmMedium),
                String.valueOf(utmCampaign), String.valueOf(utmTerm), String.valueOf(utmContent), String.valueOf(visitorId),
                String.valueOf(marketingOptIn), String.valueOf(consentText), String.valueOf(customFields),
                String.valueOf(submittedAt));
    }
}
