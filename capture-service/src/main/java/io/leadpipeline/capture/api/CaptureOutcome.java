package io.leadpipeline.capture.api;

import io.leadpipeline.capture.domain.CaptureRules.SiteForm;

/** What became of a conversion: accepted (written, or silently dropped as spam), or refused. */
public sealed interface CaptureOutcome {

    /** The 202 answer; {@code siteForm} tells the HTML endpoint where to send the browser. */
    record Accepted(String conversionId, String leadId, SiteForm siteForm) implements CaptureOutcome {
    }

    record Refused(Refusal refusal) implements CaptureOutcome {
    }
}
