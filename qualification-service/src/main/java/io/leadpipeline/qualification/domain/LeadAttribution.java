package io.leadpipeline.qualification.domain;

/** Where the lead's latest conversion came from (page and UTM parameters), passed on with each decision. */
public record LeadAttribution(String pageUrl, String referrer, String utmSource, String utmMedium, String utmCampaign,
        String utmTerm, String utmContent, String visitorId) {
}
