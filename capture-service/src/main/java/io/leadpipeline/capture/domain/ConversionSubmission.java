package io.leadpipeline.capture.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Pattern.Flag;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;

import io.leadpipeline.capture.domain.constraints.CompanySizeText;
import io.leadpipeline.capture.domain.constraints.CountryName;
import io.leadpipeline.capture.domain.constraints.EmailAddress;
import io.leadpipeline.capture.domain.constraints.OneOf;
import io.leadpipeline.capture.domain.constraints.TrustedSource;
import io.leadpipeline.events.FormType;

/**
 * A conversion as a website submits it (JSON body of POST /v1/conversions, or a form post as {@link HtmlFormPost}
 * reads it), and which values are valid. The constraints hold for the submission as {@link ConversionNormalizer}
 * cleaned it ({@link TextFields}): control characters gone, trimmed, blank absent, lengths in characters.
 */
public record ConversionSubmission(
        @NotNull(message = ConversionSubmission.REQUIRED) @EmailAddress String email,
        @NotNull(message = ConversionSubmission.REQUIRED)
        @CodePointLength(max = ConversionSubmission.MAX_FORM_ID, message = TextFields.TOO_LONG) String formId,
        @OneOf(FormType.class) String formType,
        @CodePointLength(max = ConversionSubmission.MAX_NAME, message = TextFields.TOO_LONG) String firstName,
        @CodePointLength(max = ConversionSubmission.MAX_NAME, message = TextFields.TOO_LONG) String lastName,
        @CodePointLength(max = ConversionSubmission.MAX_COMPANY, message = TextFields.TOO_LONG) String company,
        @CodePointLength(max = ConversionSubmission.MAX_JOB_TITLE, message = TextFields.TOO_LONG) String jobTitle,
        @CodePointLength(max = ConversionSubmission.MAX_PHONE, message = TextFields.TOO_LONG)
        @Pattern(regexp = ConversionSubmission.PHONE, flags = Flag.CASE_INSENSITIVE, message = "must be a phone number like +1 555 123 4567")
        String phone,
        @CodePointLength(max = ConversionSubmission.MAX_NAME, message = TextFields.TOO_LONG) @CountryName String country,
        @CodePointLength(max = ConversionSubmission.MAX_NAME, message = TextFields.TOO_LONG) @CompanySizeText String companySize,
        @CodePointLength(max = ConversionSubmission.MAX_INDUSTRY, message = TextFields.TOO_LONG) String industry,
        @CodePointLength(max = ConversionSubmission.MAX_URL, message = TextFields.TOO_LONG) String pageUrl,
        @CodePointLength(max = ConversionSubmission.MAX_URL, message = TextFields.TOO_LONG) String referrer,
        @Valid Utm utm,
        @CodePointLength(max = ConversionSubmission.MAX_VISITOR_ID, message = TextFields.TOO_LONG) String visitorId,
        @Valid Consent consent,
        @Size(max = ConversionSubmission.MAX_CUSTOM_FIELDS, message = "must have at most {max} entries")
        Map<@NotBlank(message = "names must not be blank")
            @CodePointLength(max = ConversionSubmission.MAX_CUSTOM_FIELD_NAME, message = "names must be at most {max} characters") String,
            @CodePointLength(max = ConversionSubmission.MAX_CUSTOM_FIELD_VALUE, message = TextFields.TOO_LONG) String> fields,
        @PastOrPresent(groups = TrustedSource.class, message = "must not be in the future") Instant submittedAt) {

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
    /**
     * How far ahead of our clock a trusted server's {@code submittedAt} (or an engagement's {@code occurredAt}) may be:
     * clock skew, the tolerance of capture's temporal constraints.
     */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    static final String REQUIRED = "is required";
    /** Digits with the separators people type, at least five of them, and an optional extension: "+49 (30) 1234-567 ext. 89". */
    static final String PHONE = "(?=(?:[^0-9]*[0-9]){5})\\+?[0-9 ()./-]+((x|ext\\.?|extension)\\s*[0-9]{1,6})?";

    /** UTM parameters of the landing page. */
    public record Utm(
            @CodePointLength(max = MAX_UTM, message = TextFields.TOO_LONG) String source,
            @CodePointLength(max = MAX_UTM, message = TextFields.TOO_LONG) String medium,
            @CodePointLength(max = MAX_UTM, message = TextFields.TOO_LONG) String campaign,
            @CodePointLength(max = MAX_UTM, message = TextFields.TOO_LONG) String term,
            @CodePointLength(max = MAX_UTM, message = TextFields.TOO_LONG) String content) {
    }

    /** The marketing consent the form collected and the text (or its version) the visitor saw. */
    public record Consent(Boolean marketing, @CodePointLength(max = MAX_CONSENT_TEXT, message = TextFields.TOO_LONG) String text) {
    }
}
