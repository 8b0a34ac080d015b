package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.domain.CaptureRules.SiteForm;
import io.leadpipeline.capture.domain.CaptureRules.SiteKey;
import io.leadpipeline.capture.domain.ConversionScreening.Admitted;
import io.leadpipeline.capture.domain.ConversionScreening.Candidate;
import io.leadpipeline.capture.domain.ConversionScreening.Ground;
import io.leadpipeline.capture.domain.ConversionScreening.Refused;
import io.leadpipeline.capture.domain.ConversionScreening.Trapped;
import io.leadpipeline.capture.domain.ConversionScreening.Verdict;
import io.leadpipeline.capture.support.TestValidators;
import io.leadpipeline.events.FormType;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;

/** Proves capture's intake rules in the order a user meets them: form, key, origin, honeypot, fields, junk. */
class ConversionScreeningTest {

    private static final String SHOP_ORIGIN = "https://shop.example";
    private static final ApiKey SHOP_KEY = new ApiKey("shop-server", ApiKeys.sha256("shop-secret"), Optional.empty());
    private static final ApiKey BLOG_KEY = new ApiKey("blog-server", ApiKeys.sha256("blog-secret"), Optional.empty());
    private static final Site SHOP = site("shop", SHOP_ORIGIN, "trial", SHOP_KEY);
    private static final Site BLOG = site("blog", "https://blog.example", "newsletter", BLOG_KEY);
    private static final CaptureRules RULES = new CaptureRules(
            new SpamRules("website", Set.of("mailinator.com"), Set.of("test@example.com")),
            new RateLimit(10, Duration.ofMinutes(1)), new RateLimit(100, Duration.ofSeconds(1)),
            new Idempotency(Duration.ofSeconds(10), Duration.ofHours(24)), List.of(SHOP, BLOG));
    private static final ConversionScreening SCREENING =
            new ConversionScreening(TestValidators.at(Instant.parse("2026-03-01T10:00:00Z")));

    @Test
    void shouldAdmitAValidBrowserConversionFromTheSitesOriginAsUntrusted() {
        Admitted admitted = assertInstanceOf(Admitted.class, browser(submission(" Jane@Acme.Example ", "trial"), SHOP_ORIGIN));

        assertEquals("jane@acme.example", admitted.conversion().email());
        assertEquals("shop", admitted.siteForm().site().id());
        assertEquals("trial", admitted.siteForm().form().id());
        assertFalse(admitted.trusted());
    }

    @Test
    void shouldTrustAServerWithTheSitesKeyWhateverOriginItSends() {
        Verdict verdict = SCREENING.screen(RULES, candidate(submission("jane@acme.example", "trial"), ""), key(SHOP, SHOP_KEY),
                Optional.of("https://elsewhere.example"), Optional.empty());

        assertTrue(assertInstanceOf(Admitted.class, verdict).trusted());
    }

    @Test
    void shouldRefuseAnUnknownFormNamingIt() {
        Refused refused = assertInstanceOf(Refused.class, browser(submission("jane@acme.example", "nope\nx"), SHOP_ORIGIN));

        assertEquals(Ground.UNKNOWN_FORM, refused.ground());
        assertEquals("There is no form 'nope x'", refused.detail());
    }

    @Test
    void shouldRefuseAMissingFormIdAsAFieldError() {
        Refused refused = assertInstanceOf(Refused.class, browser(submission("jane@acme.example", null), SHOP_ORIGIN));

        assertEquals(Ground.INVALID_FIELDS, refused.ground());
        assertTrue(refused.violations().stream().anyMatch(v -> v.field().equals("formId")), refused.violations().toString());
    }

    @Test
    void shouldTakeTheFormTheEndpointResolvedOverTheOneTheBodyNames() {
        SiteForm trial = RULES.form("trial").orElseThrow();

        Verdict verdict = SCREENING.screen(RULES, candidate(submission("jane@acme.example", "newsletter"), ""), Optional.empty(),
                Optional.of(SHOP_ORIGIN), Optional.of(trial));

        assertEquals(trial, assertInstanceOf(Admitted.class, verdict).siteForm());
    }

    @Test
    void shouldRefuseAnotherSitesKey() {
        Verdict verdict = SCREENING.screen(RULES, candidate(submission("jane@acme.example", "trial"), ""), key(BLOG, BLOG_KEY),
                Optional.empty(), Optional.empty());

        Refused refused = assertInstanceOf(Refused.class, verdict);
        assertEquals(Ground.KEY_NOT_FOR_SITE, refused.ground());
        assertEquals("This API key belongs to another site than form 'trial'", refused.detail());
    }

    @Test
    void shouldRefuseABrowserOnAnotherSitesOriginButLetAClientWithoutOriginThrough() {
        Refused refused = assertInstanceOf(Refused.class, browser(submission("jane@acme.example", "trial"), "https://blog.example"));

        assertEquals(Ground.ORIGIN_NOT_ALLOWED, refused.ground());
        assertEquals("Origin https://blog.example may not post to form 'trial'", refused.detail());
        assertInstanceOf(Admitted.class, SCREENING.screen(RULES, candidate(submission("jane@acme.example", "trial"), ""),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void shouldTrapABotThatFilledTheHoneypotEvenWhenItsFieldsAreInvalid() {
        Trapped realAddress = assertInstanceOf(Trapped.class,
                SCREENING.screen(RULES, candidate(submission("jane@acme.example", "trial"), "http://spam.example"), Optional.empty(),
                        Optional.of(SHOP_ORIGIN), Optional.empty()));
        Trapped junk = assertInstanceOf(Trapped.class,
                SCREENING.screen(RULES, candidate(submission("not an address", "trial"), "x"), Optional.empty(),
                        Optional.of(SHOP_ORIGIN), Optional.empty()));

        assertEquals(LeadIds.fromEmail("jane@acme.example"), realAddress.leadId(), "a bot sees the lead id a person would");
        assertNotEquals(junk.conversionId(), realAddress.conversionId());
        assertEquals("trial", junk.siteForm().form().id());
    }

    @Test
    void shouldLetAWhitespaceHoneypotThrough() {
        assertInstanceOf(Admitted.class, SCREENING.screen(RULES, candidate(submission("jane@acme.example", "trial"), "  "),
                Optional.empty(), Optional.of(SHOP_ORIGIN), Optional.empty()));
    }

    @Test
    void shouldNameEveryBadFieldAfterTheFormAndOriginChecks() {
        ConversionSubmission bad = new ConversionSubmission("nope", "trial", "WHITEPAPER", null, null, null, null, "call me",
                null, null, null, null, null, null, null, null, Map.of(), null);

        Refused refused = assertInstanceOf(Refused.class, browser(bad, SHOP_ORIGIN));

        assertEquals(Ground.INVALID_FIELDS, refused.ground());
        assertEquals(List.of("email", "formType", "phone"), refused.violations().stream().map(FieldViolation::field).sorted().toList());
        assertEquals(Ground.ORIGIN_NOT_ALLOWED, assertInstanceOf(Refused.class, browser(bad, "https://evil.example")).ground(),
                "an origin that may not post learns nothing about the fields");
    }

    @Test
    void shouldRefuseJunkAddressesAsAnEmailFieldError() {
        for (String junk : List.of("someone@mailinator.com", "TEST@example.com")) {
            Refused refused = assertInstanceOf(Refused.class, browser(submission(junk, "trial"), SHOP_ORIGIN));

            assertEquals(Ground.JUNK_EMAIL, refused.ground());
            assertEquals(List.of("email"), refused.violations().stream().map(FieldViolation::field).toList());
            assertFalse(refused.detail().contains(junk.toLowerCase()), "the detail does not echo the address");
        }
    }

    private static Verdict browser(ConversionSubmission submission, String origin) {
        return SCREENING.screen(RULES, candidate(submission, null), Optional.empty(), Optional.of(origin), Optional.empty());
    }

    private static Candidate candidate(ConversionSubmission submission, String honeypot) {
        return new Candidate(submission, site -> site.honeypotField().equals("website") ? honeypot : null);
    }

    private static Optional<SiteKey> key(Site site, ApiKey key) {
        return Optional.of(new SiteKey(site, key));
    }

    private static ConversionSubmission submission(String email, String formId) {
        return new ConversionSubmission(email, formId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private static Site site(String id, String origin, String formId, ApiKey key) {
        Form form = new Form(formId, FormType.TRIAL_SIGNUP, URI.create(origin + "/thanks"), Optional.empty());
        return new Site(id, id, Set.of(origin), Set.of(), false, "website", List.of(form), List.of(key));
    }
}
