package io.leadpipeline.capture.domain;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.CodePointLength;

import io.leadpipeline.capture.domain.constraints.EmailAddress;
import io.leadpipeline.capture.domain.constraints.IdentifiesLead;
import io.leadpipeline.capture.domain.constraints.OneOf;
import io.leadpipeline.events.EngagementType;

/**
 * An engagement as a tracking pixel, email platform or webinar tool reports it (JSON body of POST /v1/engagements),
 * and which values are valid: the constraints hold for it as {@link EngagementNormalizer} cleaned it ({@link TextFields}).
 */
@IdentifiesLead
public record EngagementSubmission(
        @NotNull(message = ConversionSubmission.REQUIRED) @OneOf(EngagementType.class) String type,
        @EmailAddress String email,
        @Pattern(regexp = EngagementSubmission.LEAD_ID, message = "must be a lead id (a UUID)") String leadId,
        @PastOrPresent(message = "must not be in the future") Instant occurredAt,
        @CodePointLength(max = ConversionSubmission.MAX_URL, message = TextFields.TOO_LONG) String url,
        @CodePointLength(max = EngagementSubmission.MAX_CAMPAIGN, message = TextFields.TOO_LONG) String campaign,
        @CodePointLength(max = EngagementSubmission.MAX_TOUCH_ID, message = TextFields.TOO_LONG) String touchId,
        @CodePointLength(max = EngagementSubmission.MAX_CONTENT_ID, message = TextFields.TOO_LONG) String contentId) {

    public static final int MAX_CAMPAIGN = 256;
    public static final int MAX_TOUCH_ID = 128;
    public static final int MAX_CONTENT_ID = 256;
    /** A lead id as {@code LeadIds} writes it: a UUID in its 36-character form, in either case. */
    static final String LEAD_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
}
