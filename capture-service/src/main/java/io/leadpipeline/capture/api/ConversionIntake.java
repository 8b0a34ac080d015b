package io.leadpipeline.capture.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.leadpipeline.capture.domain.ConversionScreening;
import io.leadpipeline.capture.domain.ConversionScreening.Admitted;
import io.leadpipeline.capture.domain.ConversionScreening.Candidate;
import io.leadpipeline.capture.domain.ConversionScreening.Ground;
import io.leadpipeline.capture.domain.ConversionScreening.Refused;
import io.leadpipeline.capture.domain.ConversionScreening.Trapped;
import io.leadpipeline.capture.domain.ConversionScreening.Verdict;
import io.leadpipeline.capture.domain.ConversionSubmission;
import io.leadpipeline.capture.domain.Masking;
import io.leadpipeline.capture.domain.NormalizedConversion;
import io.leadpipeline.capture.domain.Site;
import io.leadpipeline.capture.messaging.ConversionEvents;
import io.leadpipeline.capture.messaging.ConversionPublisher;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.service.FieldViolation;
import io.smallrye.mutiny.Uni;

/**
 * The one way a conversion gets in, whichever endpoint it came through: who is asking (API key) and rate limits, then
 * the domain's {@link ConversionScreening} (form, origin, honeypot, fields, junk), then exactly-once-per-id writing
 * after the broker's ack. This adapter only maps verdicts to HTTP refusals and metrics.
 */
@ApplicationScoped
public class ConversionIntake {

    private static final Logger LOG = Logger.getLogger(ConversionIntake.class);
    public static final int MAX_IDEMPOTENCY_KEY = IdempotencyKey.MAX_LENGTH;

    private final Gatekeeper gatekeeper;
    private final RecentConversions recent;
    private final AcknowledgedWrites writes;
    private final ConversionPublisher publisher;
    private final CaptureMetrics metrics;
    private final Clock clock;
    private final Validator validator;
    private final ConversionScreening screening;

    public ConversionIntake(Gatekeeper gatekeeper, RecentConversions recent, AcknowledgedWrites writes,
            ConversionPublisher publisher, CaptureMetrics metrics, Clock clock, Validator validator) {
        this.gatekeeper = gatekeeper;
        this.recent = recent;
        this.writes = writes;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.validator = validator;
        this.screening = new ConversionScreening(validator);
    }

    /**
     * What was submitted; the honeypot's value depends on the site (each names its own honeypot input).
     */
    public record Submission(ConversionSubmission fields, Function<Site, String> honeypotValue, String idempotencyKey) {
    }

    /**
     * @param rules     the version of the capture rules the whole request is decided under (the endpoint read it once)
     * @param knownForm the form when the endpoint already resolved it (the HTML endpoint, from its path)
     */
    public Uni<CaptureOutcome> capture(CaptureRules rules, Endpoint endpoint, Submission submission, ClientRequest client, Optional<SiteForm> knownForm) {
        Instant receivedAt = clock.instant();
        Optional<SiteKey> key;
        try {
            key = gatekeeper.authenticate(rules, client);
        } catch (Gatekeeper.RefusedException e) {
            return refused(endpoint, e.reason(), e.refusal());
        }
        Optional<Refusal> limited = gatekeeper.rateLimit(rules, client, key);
        if (limited.isPresent()) {
            return Uni.createFrom().item(new CaptureOutcome.Refused(limited.get()));
        }
        List<FieldViolation> badKey = IdempotencyKey.violations(validator, submission.idempotencyKey());
        if (!badKey.isEmpty()) {
            return refused(endpoint, RejectionReason.INVALID_FIELDS, Refusal.invalid("The request has invalid fields", badKey));
        }
        // Validated by the screening, not by @Valid on the resources: the key, the rate limit, the form, its origin and
        // the honeypot come first (a bot filling the honeypot is answered as a success whatever else it sent).
        Verdict verdict = screening.screen(rules, new Candidate(submission.fields(), submission.honeypotValue()), key, client.origin(), knownForm);
        return switch (verdict) {
            case Admitted admitted -> deduplicated(rules, endpoint, submission.idempotencyKey(), admitted, client, receivedAt);
            case Trapped trapped -> {
                metrics.honeypot(trapped.siteForm().site().id());
                yield Uni.createFrom().item(new CaptureOutcome.Accepted(trapped.conversionId(), trapped.leadId(), trapped.siteForm()));
            }
            case Refused refused -> {
                if (refused.ground() == Ground.JUNK_EMAIL) {
                    LOG.debugf("Refused junk address %s", Masking.email(submission.fields().email()));
                }
                yield refused(endpoint, reasonOf(refused.ground()), refusalOf(refused));
            }
        };
    }

    private static RejectionReason reasonOf(Ground ground) {
        return switch (ground) {
            case INVALID_FIELDS -> RejectionReason.INVALID_FIELDS;
            case UNKNOWN_FORM -> RejectionReason.UNKNOWN_FORM;
            case KEY_NOT_FOR_SITE -> RejectionReason.KEY_NOT_FOR_SITE;
            case ORIGIN_NOT_ALLOWED -> RejectionReason.ORIGIN_NOT_ALLOWED;
            case JUNK_EMAIL -> RejectionReason.JUNK_EMAIL;
        };
    }

    private static Refusal refusalOf(Refused refused) {
        return switch (refused.ground()) {
            case INVALID_FIELDS, JUNK_EMAIL -> Refusal.invalid(refused.detail(), refused.violations());
            case UNKNOWN_FORM -> Refusal.of(Response.Status.NOT_FOUND, refused.detail());
            case KEY_NOT_FOR_SITE, ORIGIN_NOT_ALLOWED -> Refusal.of(Response.Status.FORBIDDEN, refused.detail());
        };
    }

    private Uni<CaptureOutcome> deduplicated(CaptureRules rules, Endpoint endpoint, String idempotencyKey, Admitted admitted, ClientRequest client,
            Instant receivedAt) {
        NormalizedConversion conversion = admitted.conversion();
        SiteForm siteForm = admitted.siteForm();
        boolean trusted = admitted.trusted();
        String siteId = siteForm.site().id();
        String fingerprint = ConversionIds.fingerprint(conversion);
        recent.follow(rules);
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

    private Uni<CaptureOutcome> refused(Endpoint endpoint, RejectionReason reason, Refusal refusal) {
        metrics.rejected(endpoint, reason);
        return Uni.createFrom().item(new CaptureOutcome.Refused(refusal));
    }
}
