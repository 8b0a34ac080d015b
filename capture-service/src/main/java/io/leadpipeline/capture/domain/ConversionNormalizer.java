package io.leadpipeline.capture.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.leadpipeline.events.FormType;
import io.leadpipeline.kafka.CompanySize;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;

/**
 * Validates a submission and cleans it, naming every bad field at once (one entry per field) so a site can show
 * all problems together. Field names are those of the JSON body ({@code utm.source}, {@code fields.<name>}).
 */
public final class ConversionNormalizer {

    public static final int MAX_FORM_ID = 100;
    public static final int MAX_NAME = 100;
    public static final int MAX_COMPANY = 200;
    public static final int MAX_JOB_TITLE = 200;
    public static final int MAX_PHONE = 40;
    public static final int MAX_INDUSTRY = 100;
    public static final int MAX_URL = 2048;
    public static final int MAX_UTM = 256;
    public static final int MAX_VISITOR_ID = 128;
    public static final int MAX_CONSENT_TEXT = 1000;
    public static final int MAX_CUSTOM_FIELDS = 50;
    public static final int MAX_CUSTOM_FIELD_NAME = 64;
    public static final int MAX_CUSTOM_FIELD_VALUE = 4000;
    /** How far ahead of our clock a trusted server's submittedAt may be (clock skew). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    // Digits with the separators people type, and an optional extension: "+49 (30) 1234-567 ext. 89".
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+((x|ext\\.?|extension)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);
    private static final int MIN_PHONE_DIGITS = 5;

    /** Either the cleaned conversion or the list of bad fields. */
    public sealed interface Result {
    }

    public record Valid(NormalizedConversion conversion) implements Result {
    }

    public record Invalid(List<FieldViolation> violations) implements Result {
    }

    private ConversionNormalizer() {
    }

    /**
     * @param trusted whether a server with an API key posted it; only then is a backdated {@code submittedAt} kept
     * @param now     the receiving time, to refuse a {@code submittedAt} in the future
     */
    public static Result normalize(ConversionSubmission submission, boolean trusted, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        Fields fields = new Fields(violations);

        Optional<String> emailProblem = EmailAddresses.problem(submission.email());
        emailProblem.ifPresent(problem -> violations.add(new FieldViolation("email", problem)));
        String formId = fields.required("formId", submission.formId(), MAX_FORM_ID);

        FormType formType = null;
        if (submission.formType() != null && !submission.formType().isBlank()) {
            formType = parseFormType(submission.formType());
            if (formType == null) {
                violations.add(new FieldViolation("formType", "must be one of " + Arrays.toString(FormType.values())));
            }
        }
        String firstName = fields.line("firstName", submission.firstName(), MAX_NAME);
        String lastName = fields.line("lastName", submission.lastName(), MAX_NAME);
        String company = fields.line("company", submission.company(), MAX_COMPANY);
        String jobTitle = fields.line("jobTitle", submission.jobTitle(), MAX_JOB_TITLE);
        String phone = fields.line("phone", submission.phone(), MAX_PHONE);
        if (phone != null && !isPhoneNumber(phone)) {
            violations.add(new FieldViolation("phone", "must be a phone number like +1 555 123 4567"));
        }
        String country = fields.line("country", submission.country(), MAX_NAME);
        if (country != null) {
            Optional<String> code = CountryCodes.normalize(country);
            if (code.isEmpty()) {
                violations.add(new FieldViolation("country", "must be an ISO-3166 alpha-2 code such as US or DE, or an unambiguous country name"));
            }
            country = code.orElse(null);
        }
        String companySize = fields.line("companySize", submission.companySize(), MAX_NAME);
        Integer employees = null;
        if (companySize != null) {
            Optional<CompanySize> size = CompanySize.parse(companySize);
            if (size.isEmpty()) {
                violations.add(new FieldViolation("companySize", "must be a number of employees (\"500\") or a band (\"201-500\", \"5000+\")"));
            }
            companySize = size.map(CompanySize::text).orElse(null);
            employees = size.map(CompanySize::employees).orElse(null);
        }
        String industry = fields.line("industry", submission.industry(), MAX_INDUSTRY);
        String pageUrl = fields.line("pageUrl", submission.pageUrl(), MAX_URL);
        String referrer = fields.line("referrer", submission.referrer(), MAX_URL);
        ConversionSubmission.Utm utm = Optional.ofNullable(submission.utm()).orElse(new ConversionSubmission.Utm(null, null, null, null, null));
        String utmSource = fields.line("utm.source", utm.source(), MAX_UTM);
        String utmMedium = fields.line("utm.medium", utm.medium(), MAX_UTM);
        String utmCampaign = fields.line("utm.campaign", utm.campaign(), MAX_UTM);
        String utmTerm = fields.line("utm.term", utm.term(), MAX_UTM);
        String utmContent = fields.line("utm.content", utm.content(), MAX_UTM);
        String visitorId = fields.line("visitorId", submission.visitorId(), MAX_VISITOR_ID);
        ConversionSubmission.Consent consent = Optional.ofNullable(submission.consent()).orElse(new ConversionSubmission.Consent(false, null));
        String consentText = fields.multi("consent.text", consent.text(), MAX_CONSENT_TEXT);
        TreeMap<String, String> custom = customFields(submission.fields(), violations);

        Instant submittedAt = null;
        if (trusted && submission.submittedAt() != null) {
            if (submission.submittedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
                violations.add(new FieldViolation("submittedAt", "must not be in the future"));
            }
            submittedAt = submission.submittedAt();
        }

        if (!violations.isEmpty()) {
            return new Invalid(List.copyOf(violations));
        }
        return new Valid(new NormalizedConversion(LeadIds.normalizeEmail(submission.email()), formId, formType,
                firstName, lastName, company, jobTitle, phone, country, companySize, employees, industry, pageUrl, referrer,
                utmSource, utmMedium, utmCampaign, utmTerm, utmContent, visitorId,
                Boolean.TRUE.equals(consent.marketing()), consentText, custom, submittedAt));
    }

    /** The form type named in a submission ("demo-request", "DEMO_REQUEST"), or null when it names none we know. */
    public static FormType parseFormType(String value) {
        try {
            return FormType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isPhoneNumber(String phone) {
        return PHONE.matcher(phone).matches() && phone.chars().filter(Character::isDigit).count() >= MIN_PHONE_DIGITS;
    }

    private static TreeMap<String, String> customFields(Map<String, String> submitted, List<FieldViolation> violations) {
        TreeMap<String, String> custom = new TreeMap<>();
        if (submitted == null) {
            return custom;
        }
        if (submitted.size() > MAX_CUSTOM_FIELDS) {
            violations.add(new FieldViolation("fields", "must have at most " + MAX_CUSTOM_FIELDS + " entries"));
            return custom;
        }
        submitted.forEach((rawName, rawValue) -> {
            String name = TextFields.singleLine(rawName);
            if (name == null) {
                violations.add(new FieldViolation("fields", "names must not be blank"));
                return;
            }
            if (TextFields.tooLong(name, MAX_CUSTOM_FIELD_NAME).isPresent()) {
                violations.add(new FieldViolation("fields", "names must be at most " + MAX_CUSTOM_FIELD_NAME + " characters"));
                return;
            }
            String value = TextFields.multiLine(rawValue);
            Optional<String> problem = TextFields.tooLong(value, MAX_CUSTOM_FIELD_VALUE);
            if (problem.isPresent()) {
                violations.add(new FieldViolation("fields." + name, problem.get()));
            } else if (value != null) {
                custom.put(name, value);
            }
        });
        return custom;
    }

    /** Cleans text fields and records a violation per field that is too long. */
    private record Fields(List<FieldViolation> violations) {

        String line(String field, String raw, int max) {
            return checked(field, TextFields.singleLine(raw), max);
        }

        String multi(String field, String raw, int max) {
            return checked(field, TextFields.multiLine(raw), max);
        }

        String required(String field, String raw, int max) {
            String cleaned = TextFields.singleLine(raw);
            if (cleaned == null) {
                violations.add(new FieldViolation(field, "is required"));
                return null;
            }
            return checked(field, cleaned, max);
        }

        private String checked(String field, String cleaned, int max) {
            Optional<String> problem = TextFields.tooLong(cleaned, max);
            problem.ifPresent(p -> violations.add(new FieldViolation(field, p)));
            return problem.isPresent() ? null : cleaned;
        }
    }
}
