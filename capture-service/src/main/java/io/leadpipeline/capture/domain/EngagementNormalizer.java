package io.leadpipeline.capture.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;

/** Validates an engagement and resolves the lead it belongs to, naming every bad field. */
public final class EngagementNormalizer {

    public static final int MAX_CAMPAIGN = 256;
    public static final int MAX_TOUCH_ID = 128;
    public static final int MAX_CONTENT_ID = 256;

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

    private EngagementNormalizer() {
    }

    public static Result normalize(EngagementSubmission submission, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        EngagementType type = null;
        if (submission.type() == null || submission.type().isBlank()) {
            violations.add(new FieldViolation("type", "is required"));
        } else {
            type = parseType(submission.type());
            if (type == null) {
                violations.add(new FieldViolation("type", "must be one of " + Arrays.toString(EngagementType.values())));
            }
        }
        String leadId = resolveLead(submission, violations);
        if (submission.occurredAt() != null && submission.occurredAt().isAfter(now.plus(ConversionNormalizer.MAX_CLOCK_SKEW))) {
            violations.add(new FieldViolation("occurredAt", "must not be in the future"));
        }
        String url = checked("url", TextFields.singleLine(submission.url()), ConversionNormalizer.MAX_URL, violations);
        String campaign = checked("campaign", TextFields.singleLine(submission.campaign()), MAX_CAMPAIGN, violations);
        String touchId = checked("touchId", TextFields.singleLine(submission.touchId()), MAX_TOUCH_ID, violations);
        String contentId = checked("contentId", TextFields.singleLine(submission.contentId()), MAX_CONTENT_ID, violations);
        if (!violations.isEmpty()) {
            return new Invalid(List.copyOf(violations));
        }
        return new Valid(new NormalizedEngagement(leadId, type, submission.occurredAt(), url, campaign, touchId, contentId));
    }

    private static String resolveLead(EngagementSubmission submission, List<FieldViolation> violations) {
        boolean hasEmail = submission.email() != null && !submission.email().isBlank();
        boolean hasLeadId = submission.leadId() != null && !submission.leadId().isBlank();
        if (!hasEmail && !hasLeadId) {
            violations.add(new FieldViolation("email", "is required when leadId is not given"));
            return null;
        }
        String fromEmail = null;
        if (hasEmail) {
            Optional<String> problem = EmailAddresses.problem(submission.email());
            if (problem.isPresent()) {
                violations.add(new FieldViolation("email", problem.get()));
                return null;
            }
            fromEmail = LeadIds.fromEmail(submission.email());
        }
        if (hasLeadId) {
            String leadId;
            try {
                leadId = UUID.fromString(submission.leadId().trim()).toString();
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("leadId", "must be a lead id (a UUID)"));
                return null;
            }
            if (fromEmail != null && !fromEmail.equals(leadId)) {
                violations.add(new FieldViolation("leadId", "does not belong to the email given"));
                return null;
            }
            return leadId;
        }
        return fromEmail;
    }

    static EngagementType parseType(String value) {
        try {
            return EngagementType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String checked(String field, String cleaned, int max, List<FieldViolation> violations) {
        Optional<String> problem = TextFields.tooLong(cleaned, max);
        problem.ifPresent(p -> violations.add(new FieldViolation(field, p)));
        return problem.isPresent() ? null : cleaned;
    }
}
