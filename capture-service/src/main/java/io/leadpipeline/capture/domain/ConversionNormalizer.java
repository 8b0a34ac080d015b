package io.leadpipeline.capture.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import io.leadpipeline.capture.domain.constraints.OneOf;
import io.leadpipeline.capture.domain.constraints.TrustedSource;
import io.leadpipeline.events.FormType;
import io.leadpipeline.kafka.CompanySize;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;
import io.leadpipeline.service.ValidationProblems;

/**
 * Cleans a submission into what we store, once the constraints of {@link ConversionSubmission} hold for it; else
 * names every bad field at once (one entry per field) so a site can show all problems together. Field names are
 * those of the JSON body ({@code utm.source}, {@code fields.<name>}).
 */
public final class ConversionNormalizer {

    /** Either the cleaned conversion or the list of bad fields. */
    public sealed interface Result {
    }

    public record Valid(NormalizedConversion conversion) implements Result {
    }

    public record Invalid(List<FieldViolation> violations) implements Result {
    }

    private static final ConversionSubmission.Utm NO_UTM = new ConversionSubmission.Utm(null, null, null, null, null);
    private static final ConversionSubmission.Consent NO_CONSENT = new ConversionSubmission.Consent(false, null);

    private final Validator validator;

    /** @param validator reads time from the receiving clock, as {@code config.CaptureValidation} sets it up */
    public ConversionNormalizer(Validator validator) {
        this.validator = validator;
    }

    /** @param trusted whether a server with an API key posted it; only then is a backdated {@code submittedAt} kept */
    public Result normalize(ConversionSubmission submission, boolean trusted) {
        ConversionSubmission cleaned = cleaned(submission);
        Set<ConstraintViolation<ConversionSubmission>> violations = trusted
                ? validator.validate(cleaned, Default.class, TrustedSource.class)
                : validator.validate(cleaned);
        if (!violations.isEmpty()) {
            return new Invalid(ValidationProblems.fieldViolations(violations));
        }
        Optional<CompanySize> size = Optional.ofNullable(cleaned.companySize()).flatMap(CompanySize::parse);
        ConversionSubmission.Utm utm = Objects.requireNonNullElse(cleaned.utm(), NO_UTM);
        ConversionSubmission.Consent consent = Objects.requireNonNullElse(cleaned.consent(), NO_CONSENT);
        TreeMap<String, String> custom = new TreeMap<>();
        if (cleaned.fields() != null) {
            cleaned.fields().forEach((name, value) -> {
                if (value != null) {
                    custom.put(name, value);
                }
            });
        }
        return new Valid(new NormalizedConversion(LeadIds.normalizeEmail(cleaned.email()), cleaned.formId(),
                cleaned.formType() == null ? null : parseFormType(cleaned.formType()),
                cleaned.firstName(), cleaned.lastName(), cleaned.company(), cleaned.jobTitle(), cleaned.phone(),
                cleaned.country() == null ? null : CountryCodes.normalize(cleaned.country()).orElseThrow(),
                size.map(CompanySize::text).orElse(null), size.map(CompanySize::employees).orElse(null),
                cleaned.industry(), cleaned.pageUrl(), cleaned.referrer(),
                utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content(), cleaned.visitorId(),
                Boolean.TRUE.equals(consent.marketing()), consent.text(), custom, trusted ? cleaned.submittedAt() : null));
    }

    /** The form type named in a submission ("demo-request", "DEMO_REQUEST"), or null when it names none we know. */
    public static FormType parseFormType(String value) {
        return OneOf.Check.parse(FormType.class, value);
    }

    /**
     * The submission as we would store it: text without control characters, trimmed, blank absent; the email and
     * form type only blank-to-absent (their rules read them as sent). Custom fields keyed by their cleaned names.
     */
    static ConversionSubmission cleaned(ConversionSubmission s) {
        ConversionSubmission.Utm utm = s.utm() == null ? null : new ConversionSubmission.Utm(line(s.utm().source()),
                line(s.utm().medium()), line(s.utm().campaign()), line(s.utm().term()), line(s.utm().content()));
        ConversionSubmission.Consent consent = s.consent() == null ? null
                : new ConversionSubmission.Consent(s.consent().marketing(), TextFields.multiLine(s.consent().text()));
        return new ConversionSubmission(TextFields.asSent(s.email()), line(s.formId()), TextFields.asSent(s.formType()),
                line(s.firstName()), line(s.lastName()), line(s.company()), line(s.jobTitle()), line(s.phone()), line(s.country()),
                line(s.companySize()), line(s.industry()), line(s.pageUrl()), line(s.referrer()), utm, line(s.visitorId()),
                consent, customFields(s.fields()), s.submittedAt());
    }

    /** A blank name is kept as "" so its constraint names it; values keep their line breaks (a message box). */
    private static Map<String, String> customFields(Map<String, String> submitted) {
        if (submitted == null) {
            return null;
        }
        TreeMap<String, String> cleaned = new TreeMap<>();
        submitted.forEach((name, value) -> cleaned.put(Objects.requireNonNullElse(line(name), ""), TextFields.multiLine(value)));
        return cleaned;
    }

    private static String line(String value) {
        return TextFields.singleLine(value);
    }
}
