package io.leadpipeline.capture.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.leadpipeline.capture.api.CaptureMetrics.Endpoint;
import io.leadpipeline.capture.config.Topics;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.CaptureRules.SiteForm;
import io.leadpipeline.capture.domain.CaptureRules.SiteKey;
import io.leadpipeline.capture.domain.ConversionIds;
import io.leadpipeline.capture.domain.ConversionNormalizer;
import io.leadpipeline.capture.domain.ConversionSubmission;
import io.leadpipeline.capture.domain.EmailAddresses;
import io.leadpipeline.capture.domain.Masking;
import io.leadpipeline.capture.domain.NormalizedConversion;
import io.leadpipeline.capture.domain.Site;
import io.leadpipeline.capture.domain.SpamRules;
import io.leadpipeline.capture.messaging.ConversionEvents;
import io.leadpipeline.capture.messaging.ConversionPublisher;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;
import io.smallrye.mutiny.Uni;

/**
 * The one way a conversion gets in, whichever endpoint it came through: who is asking (API key, Origin),
 * rate limits, the form, the honeypot, validation and junk, then exactly-once-per-id writing after the broker's ack.
 */
@ApplicationScoped
public class ConversionIntake {

    private static final Logger LOG = Logger.getLogger(ConversionIntake.class);
    public static final int MAX_IDEMPOTENCY_KEY = IdempotencyKey.MAX_LENGTH;

    private final CaptureRules rules;
    private final Gatekeeper gatekeeper;
    private final RecentConversions recent;
    private final AcknowledgedWrites writes;
    private final ConversionPublisher publisher;
    private final CaptureMetrics metrics;
    private final Clock clock;
    private final Validator validator;
    private final ConversionNormalizer normalizer;

    public ConversionIntake(CaptureRules rules, Gatekeeper gatekeeper, RecentConversions recent, AcknowledgedWrites writes,
            ConversionPublisher publisher, CaptureMetrics metrics, Clock clock, Validator validator) {
        this.rules = rules;
        this.gatekeeper = gatekeeper;
        this.recent = recent;
        this.writes = writes;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.validator = validator;
        this.normalizer = new ConversionNormalizer(validator);
    }

    /**
     * What was submitted; the honeypot's value depends on the site (each names its own honeypot input).
     */
    public record Submission(ConversionSubmission fields, Function<Site, String> honeypotValue, String idempotencyKey) {
    }

    /**
     * @param knownForm the form when the endpoint already resolved it (the HTML endpoint, from its path)
     */
    public Uni<CaptureOutcome> capture(Endpoint endpoint, Submission submission, ClientRequest client, Optional<SiteForm> knownForm) {
        Instant receivedAt = clock.instant();
        Optional<SiteKey> key;
        try {
            key = gatekeeper.authenticate(client);
        } catch (Gatekeeper.RefusedException e) {
            return refused(endpoint, e.reason(), e.refusal());
        }
        Optional<Refusal> limited = gatekeeper.rateLimit(client, key);
        if (limited.isPresent()) {
            return Uni.createFrom().item(new CaptureOutcome.Refused(limited.get()));
        }
        boolean trusted = key.isPresent();
        List<FieldViolation> badKey = IdempotencyKey.violations(validator, submission.idempotencyKey());
        if (!badKey.isEmpty()) {
            return refused(endpoint, RejectionReason.INVALID_FIELDS, Refusal.invalid("The request has invalid fields", badKey));
        }
        // Validated here, not by @Valid on the resources: the key, the rate limit, the form, its origin and the
        // honeypot come first (a bot filling the honeypot is answered as a success whatever else it sent).
        ConversionNormalizer.Result result = normalizer.normalize(submission.fields(), trusted);
        String formId = submission.fields().formId();
        if (knownForm.isEmpty() && (formId == null || formId.isBlank())) {
            return invalid(endpoint, (ConversionNormalizer.Invalid) result); // formId is required: its absence is a field error
        }
        Optional<SiteForm> siteForm = knownForm.or(() -> rules.form(formId));
        if (siteForm.isEmpty()) {
            return refused(endpoint, RejectionReason.UNKNOWN_FORM, Refusal.of(Response.Status.NOT_FOUND,
                    "There is no form '" + TextSafe.of(formId) + "'"));
        }
        Site site = siteForm.get().site();
        if (key.isPresent() && !key.get().site().id().equals(site.id())) {
            return refused(endpoint, RejectionReason.KEY_NOT_FOR_SITE, Refusal.of(Response.Status.FORBIDDEN,
                    "This API key belongs to another site than form '" + siteForm.get().form().id() + "'"));
        }
        if (!trusted && client.origin().isPresent() && !site.allowsOrigin(client.origin().get())) {
            return refused(endpoint, RejectionReason.ORIGIN_NOT_ALLOWED, Refusal.of(Response.Status.FORBIDDEN,
                    "Origin " + TextSafe.of(client.origin().get()) + " may not post to form '" + siteForm.get().form().id() + "'"));
        }
        if (SpamRules.filled(submission.honeypotValue().apply(site))) {
            return honeypot(siteForm.get(), submission);
        }
        if (result instanceof ConversionNormalizer.Invalid invalid) {
            return invalid(endpoint, invalid);
        }
        NormalizedConversion conversion = ((ConversionNormalizer.Valid) result).conversion();
        Optional<String> junk = rules.spam().junkReason(conversion.email());
        if (junk.isPresent()) {
            LOG.debugf("Refused junk address %s for form %s", Masking.email(conversion.email()), siteForm.get().form().id());
            return refused(endpoint, RejectionReason.JUNK_EMAIL,
                    Refusal.invalid("The conversion has invalid fields", List.of(new FieldViolation("email", junk.get()))));
        }
        return deduplicated(endpoint, submission.idempotencyKey(), conversion, siteForm.get(), client, trusted, receivedAt);
    }

    private Uni<CaptureOutcome> deduplicated(Endpoint endpoint, String idempotencyKey, NormalizedConversion conversion,
            SiteForm siteForm, ClientRequest client, boolean trusted, Instant receivedAt) {
        String siteId = siteForm.site().id();
        String fingerprint = ConversionIds.fingerprint(conversion);
        if (idempotencyKey != null) {
            String conversionId = ConversionIds.forIdempotencyKey(siteId, idempotencyKey);
            return recent.onceForKey(siteId + "|" + idempotencyKey, fingerprint,
                    () -> write(endpoint, conversionId, conversion, siteForm, client, trusted, receivedAt),
                    () -> {
                        metrics.rejected(endpoint, RejectionReason.IDEMPOTENCY_KEY_REUSED);
                        return new CaptureOutcome.Refused(new Refusal(422,
                                "This Idempotency-Key was already used for a different submission", List.of(), Map.of()));
                    });
        }
        String scopedFingerprint = siteId + "|" + fingerprint;
        String conversionId = recent.contentConversionId(scopedFingerprint,
                () -> ConversionIds.forContent(siteId, fingerprint, receivedAt, rules.idempotency().doubleClickWindow()));
        return recent.onceForContent(scopedFingerprint,
                () -> write(endpoint, conversionId, conversion, siteForm, client, trusted, receivedAt).invoke(outcome -> {
                    if (outcome instanceof CaptureOutcome.Refused refused && refused.refusal().status() == 503) {
                        recent.unconfirmed(scopedFingerprint, conversionId); // it may have reached the broker all the same
                    }
                }));
    }

    private Uni<CaptureOutcome> write(Endpoint endpoint, String conversionId, NormalizedConversion conversion, SiteForm siteForm,
            ClientRequest client, boolean trusted, Instant receivedAt) {
        ConversionCaptured event = ConversionEvents.captured(conversionId, conversion, siteForm, receivedAt, client.clientIp(), trusted);
        return writes.write(Topics.CONVERSIONS, () -> publisher.publish(event),
                "Conversion " + conversionId + " of lead " + event.getLeadId(),
                () -> {
                    metrics.accepted(endpoint, siteForm.site().id());
                    return new CaptureOutcome.Accepted(conversionId, event.getLeadId(), siteForm);
                });
    }

    /** A bot gets what a person gets, so it learns nothing; nothing is written. */
    private Uni<CaptureOutcome> honeypot(SiteForm siteForm, Submission submission) {
        metrics.honeypot(siteForm.site().id());
        String email = submission.fields().email();
        String leadId = EmailAddresses.problem(email).isEmpty() ? LeadIds.fromEmail(email) : UUID.randomUUID().toString();
        return Uni.createFrom().item(new CaptureOutcome.Accepted(UUID.randomUUID().toString(), leadId, siteForm));
    }

    private Uni<CaptureOutcome> invalid(Endpoint endpoint, ConversionNormalizer.Invalid invalid) {
        return refused(endpoint, RejectionReason.INVALID_FIELDS, Refusal.invalid("The conversion has invalid fields", invalid.violations()));
    }

    private Uni<CaptureOutcome> refused(Endpoint endpoint, RejectionReason reason, Refusal refusal) {
        metrics.rejected(endpoint, reason);
        return Uni.createFrom().item(new CaptureOutcome.Refused(refusal));
    }
}
