package io.leadpipeline.capture.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.leadpipeline.capture.domain.constraints.OneOf;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;
import io.leadpipeline.service.ValidationProblems;

/** Resolves the lead an engagement belongs to once the constraints of {@link EngagementSubmission} hold; else names every bad field. */
public final class EngagementNormalizer {

    /** A valid engagement: the lead, the kind, when (null: now) and the details. */
    public record NormalizedEngagement(String leadId, EngagementType type, Instant occurredAt, String url, String campaign,
            String touchId, String contentId) {
    }

    /** Either the cleaned engagement or the list of bad fields. */
    public sealed interface Result {
    }

    public record Valid(NormalizedEngagement engagement) implements Result {
    }

    public record Invalid(List<FieldViolation> violations) implements Result {
    }

    private final Validator validator;

    /** @param validator reads time from the receiving clock, as {@code config.CaptureValidation} sets it up */
    public EngagementNormalizer(Validator validator) {
        this.validator = validator;
    }

    public Result normalize(EngagementSubmission submission) {
        EngagementSubmission cleaned = new EngagementSubmission(TextFields.asSent(submission.type()),
                TextFields.asSent(submission.email()),
                submission.leadId() == null || submission.leadId().isBlank() ? null : submission.leadId().trim(),
                submission.occurredAt(), TextFields.singleLine(submission.url()), TextFields.singleLine(submission.campaign()),
                TextFields.singleLine(submission.touchId()), TextFields.singleLine(submission.contentId()));
        Set<ConstraintViolation<EngagementSubmission>> violations = validator.validate(cleaned);
        if (!violations.isEmpty()) {
            return new Invalid(ValidationProblems.fieldViolations(violations));
        }
        String leadId = cleaned.leadId() != null ? cleaned.leadId().toLowerCase(Locale.ROOT) : LeadIds.fromEmail(cleaned.email());
        return new Valid(new NormalizedEngagement(leadId, parseType(cleaned.type()), cleaned.occurredAt(), cleaned.url(),
                cleaned.campaign(), cleaned.touchId(), cleaned.contentId()));
    }

    static EngagementType parseType(String value) {
        return OneOf.Check.parse(EngagementType.class, value);
    }
}
