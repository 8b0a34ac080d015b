package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

import io.leadpipeline.events.FormType;

/** A {@code ConversionCaptured}: the lead filled in a form. Contact details are limited to what ops needs. */
public record ConversionFact(String eventId, String leadId, Instant at, String formId, FormType formType,
        String company, String jobTitle, String companySize, String country, String pageUrl, String utmSource,
        String utmCampaign, boolean marketingOptIn) implements PipelineFact {
}
