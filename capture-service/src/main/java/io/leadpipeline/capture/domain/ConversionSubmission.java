package io.leadpipeline.capture.domain;

import java.time.Instant;
import java.util.Map;

/** A conversion as a website submits it, before validation (JSON body of POST /v1/conversions). */
public record ConversionSubmission(
        String email,
        String formId,
        String formType,
        String firstName,
        String lastName,
        String company,
        String jobTitle,
        String phone,
        String country,
        String companySize,
        String industry,
        String pageUrl,
        String referrer,
        Utm utm,
        String visitorId,
        Consent consent,
        Map<String, String> fields,
        Instant submittedAt) {

    /** UTM parameters of the landing page. */
    public record Utm(String source, String medium, String campaign, String term, String content) {
    }

    /** The marketing consent the form collected and the text (or its version) the visitor saw. */
    public record Consent(Boolean marketing, String text) {
    }
}
