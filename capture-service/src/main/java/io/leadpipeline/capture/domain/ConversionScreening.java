package io.leadpipeline.capture.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Validator;

import io.leadpipeline.capture.domain.CaptureRules.SiteForm;
import io.leadpipeline.capture.domain.CaptureRules.SiteKey;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;

/**
 * Capture's intake rules for one conversion, once the caller is known: the form, whether the key and the browser
 * origin may post to it, the honeypot, the fields, and junk addresses; in that order, because a bot that fills the
 * honeypot must be answered as a success whatever else it sent. What it returns is a verdict; writing and
 * deduplication (by {@link ConversionIds}) are the caller's.
 */
public final class ConversionScreening {

    /** Why a conversion is refused; the HTTP adapter gives each its status. */
    public enum Ground {
        INVALID_FIELDS,
        UNKNOWN_FORM,
        KEY_NOT_FOR_SITE,
        ORIGIN_NOT_ALLOWED,
        JUNK_EMAIL
    }

    /** What to do with a conversion. */
    public sealed interface Verdict {
    }

    /** Write it: the cleaned conversion, its site and form, and whether a server with that site's key sent it. */
    public record Admitted(NormalizedConversion conversion, SiteForm siteForm, boolean trusted) implements Verdict {
    }

    /** A bot filled the honeypot: answer it as a person would be answered (these ids are made up) and write nothing. */
    public record Trapped(SiteForm siteForm, String conversionId, String leadId) implements Verdict {
    }

    /** Refuse it; {@code violations} name the bad fields when the ground is about fields. */
    public record Refused(Ground ground, String detail, List<FieldViolation> violations) implements Verdict {
    }

    /** The parts of a request screening looks at: the body's fields, the honeypot input as each site names it. */
    public record Candidate(ConversionSubmission fields, Function<Site, String> honeypotValue) {
    }

    private final ConversionNormalizer normalizer;

    public ConversionScreening(Validator validator) {
        this.normalizer = new ConversionNormalizer(validator);
    }

    /**
     * @param rules     the version of the capture rules this request is decided under
     * @param key       the site key the caller presented (already authenticated), or empty for a browser
     * @param origin    the browser's Origin, lower-cased, when it sent one
     * @param knownForm the form when the endpoint already resolved it (the HTML endpoint, from its path)
     */
    public Verdict screen(CaptureRules rules, Candidate candidate, Optional<SiteKey> key, Optional<String> origin, Optional<SiteForm> knownForm) {
        boolean trusted = key.isPresent();
        ConversionNormalizer.Result result = normalizer.normalize(candidate.fields(), trusted);
        String formId = candidate.fields().formId();
        if (knownForm.isEmpty() && (formId == null || formId.isBlank())) {
            return invalid((ConversionNormalizer.Invalid) result); // formId is required: its absence is a field error
        }
        Optional<SiteForm> found = knownForm.or(() -> rules.form(formId));
        if (found.isEmpty()) {
            return new Refused(Ground.UNKNOWN_FORM, "There is no form '" + TextSafe.of(formId) + "'", List.of());
        }
        SiteForm siteForm = found.get();
        Site site = siteForm.site();
        if (key.isPresent() && !key.get().site().id().equals(site.id())) {
            return new Refused(Ground.KEY_NOT_FOR_SITE,
                    "This API key belongs to another site than form '" + siteForm.form().id() + "'", List.of());
        }
        if (!trusted && origin.isPresent() && !site.allowsOrigin(origin.get())) {
            return new Refused(Ground.ORIGIN_NOT_ALLOWED,
                    "Origin " + TextSafe.of(origin.get()) + " may not post to form '" + siteForm.form().id() + "'", List.of());
        }
        if (SpamRules.filled(candidate.honeypotValue().apply(site))) {
            return trapped(siteForm, candidate.fields().email());
        }
        if (result instanceof ConversionNormalizer.Invalid invalid) {
            return invalid(invalid);
        }
        NormalizedConversion conversion = ((ConversionNormalizer.Valid) result).conversion();
        Optional<String> junk = rules.spam().junkReason(conversion.email());
        if (junk.isPresent()) {
            return new Refused(Ground.JUNK_EMAIL, "The conversion has invalid fields", List.of(new FieldViolation("email", junk.get())));
        }
        return new Admitted(conversion, siteForm, trusted);
    }

    /** The lead id a real address would get, so the answer looks like a person's; a made-up one otherwise. */
    private static Trapped trapped(SiteForm siteForm, String email) {
        String leadId = EmailAddresses.problem(email).isEmpty() ? LeadIds.fromEmail(email) : UUID.randomUUID().toString();
        return new Trapped(siteForm, UUID.randomUUID().toString(), leadId);
    }

    private static Refused invalid(ConversionNormalizer.Invalid invalid) {
        return new Refused(Ground.INVALID_FIELDS, "The conversion has invalid fields", invalid.violations());
    }
}
