package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.TestValidators;
import io.leadpipeline.events.FormType;
import io.leadpipeline.service.FieldViolation;

/** Proves a submission is cleaned into what we store, and that every bad field is named once. */
class ConversionNormalizerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final ConversionNormalizer NORMALIZER = new ConversionNormalizer(TestValidators.at(NOW));

    @Test
    void shouldCleanAValidSubmission() {
        NormalizedConversion c = valid(submission(" Jane.Doe@Acme.Example ", "Germany", "1,200", "Jane\u0007", "+49 (30) 1234-567",
                Map.of("message", "Hello\r\nthere\u0000"), null));
        assertEquals("jane.doe@acme.example", c.email());
        assertEquals("DE", c.country());
        assertEquals("1200", c.companySize());
        assertEquals("Jane", c.firstName());
        assertEquals("+49 (30) 1234-567", c.phone());
        assertEquals(Map.of("message", "Hello\nthere"), c.customFields());
        assertEquals(FormType.DEMO_REQUEST, c.requestedFormType());
    }

    @Test
    void shouldReadTheEmployeesFromTheCompanySizeAndKeepItsTextWithoutSeparatorsOrShorthand() {
        NormalizedConversion counted = valid(submission("a@acme.example", null, "1,200", null, null, null, null));
        NormalizedConversion thousands = valid(submission("a@acme.example", null, "10k", null, null, null, null));
        NormalizedConversion band = valid(submission("a@acme.example", null, "51 - 200", null, null, null, null));
        NormalizedConversion openEnded = valid(submission("a@acme.example", null, "5,000+", null, null, null, null));
        NormalizedConversion none = valid(submission("a@acme.example", null, null, null, null, null, null));

        assertEquals(List.of("1200", "10000", "51-200", "5000+"),
                List.of(counted.companySize(), thousands.companySize(), band.companySize(), openEnded.companySize()));
        assertEquals(List.of(1200, 10000, 51, 5000), List.of(counted.employees(), thousands.employees(), band.employees(), openEnded.employees()));
        assertNull(none.companySize());
        assertNull(none.employees());
    }

    @Test
    void shouldNameEveryBadFieldOnce() {
        ConversionSubmission bad = new ConversionSubmission("nope", "demo-request", "WHITEPAPER", "x".repeat(101), null, null, null,
                "call me", "Atlantis", "lots", null, null, null,
                new ConversionSubmission.Utm("s".repeat(257), null, null, null, null), null,
                new ConversionSubmission.Consent(true, "t".repeat(1001)), Map.of("notes", "n".repeat(4001)), null);
        var invalid = assertInstanceOf(ConversionNormalizer.Invalid.class, NORMALIZER.normalize(bad, false));
        assertEquals(List.of("email", "formType", "firstName", "phone", "country", "companySize", "utm.source", "consent.text",
                "fields.notes"), invalid.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void shouldNameTheFirstThingToFixInAFieldAndNotTheEntriesOfAFieldRefusedAsAWhole() {
        Map<String, String> tooMany = new TreeMap<>();
        for (int i = 0; i <= ConversionSubmission.MAX_CUSTOM_FIELDS; i++) {
            tooMany.put("f" + i, i == 0 ? "v".repeat(4001) : "v");
        }
        ConversionSubmission bad = submission("a@b.example", "Atlantis".repeat(13), null, null, "call me, ".repeat(5), tooMany, null);
        var invalid = assertInstanceOf(ConversionNormalizer.Invalid.class, NORMALIZER.normalize(bad, false));
        assertEquals(List.of(new FieldViolation("phone", "must be at most 40 characters"),
                new FieldViolation("country", "must be at most 100 characters"),
                new FieldViolation("fields", "must have at most 50 entries")), invalid.violations());
    }

    @Test
    void shouldEnforceRfc5321LengthsOnEmail() {
        String local64 = "a".repeat(64);
        assertTrue(EmailAddresses.problem(local64 + "@example.com").isEmpty());
        assertTrue(EmailAddresses.problem("a".repeat(65) + "@example.com").isPresent());
        String domain193 = ("d".repeat(60) + ".").repeat(3) + "d".repeat(6) + ".com";
        assertTrue(EmailAddresses.problem(local64 + "@" + domain193).isPresent(), "258 characters: over 254 in all");
        assertTrue(EmailAddresses.problem("ab@" + domain193).isEmpty());
        assertTrue(EmailAddresses.problem("no-at-sign.example.com").isPresent());
    }

    @Test
    void shouldCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(ConversionSubmission.MAX_NAME);
        assertEquals(emoji, valid(submission("a@b.example", null, null, emoji, null, null, null)).firstName());
        var invalid = assertInstanceOf(ConversionNormalizer.Invalid.class,
                NORMALIZER.normalize(submission("a@b.example", null, null, emoji + "\uD83D\uDE00", null, null, null), false));
        assertEquals(List.of(new FieldViolation("firstName", "must be at most 100 characters")), invalid.violations());
    }

    @Test
    void shouldKeepABackdatedSubmittedAtOnlyFromTrustedServers() {
        Instant lastWeek = NOW.minus(Duration.ofDays(7));
        ConversionSubmission backdated = submission("a@b.example", null, null, null, null, null, lastWeek);
        assertEquals(lastWeek, valid(backdated, true).submittedAt());
        assertNull(valid(backdated, false).submittedAt(), "a browser's clock decides nothing");
    }

    @Test
    void shouldRefuseASubmittedAtInTheFuture() {
        ConversionSubmission future = submission("a@b.example", null, null, null, null, null, NOW.plus(Duration.ofHours(1)));
        var invalid = assertInstanceOf(ConversionNormalizer.Invalid.class, NORMALIZER.normalize(future, true));
        assertEquals("submittedAt", invalid.violations().get(0).field());
    }

    @Test
    void shouldGiveTheSameFingerprintToTheSameFormFillWhateverItsFormatting() {
        NormalizedConversion first = valid(submission("Jane@Acme.example", "DE", "500", "Jane", null, Map.of("a", "1", "b", "2"), null));
        NormalizedConversion again = valid(submission(" jane@acme.example", "Germany", "500 ", " Jane ", null, Map.of("b", "2", "a", "1"), null));
        NormalizedConversion other = valid(submission("jane@acme.example", "DE", "501", "Jane", null, Map.of("a", "1", "b", "2"), null));
        assertEquals(ConversionIds.fingerprint(first), ConversionIds.fingerprint(again));
        assertFalse(ConversionIds.fingerprint(first).equals(ConversionIds.fingerprint(other)));
    }

    private static NormalizedConversion valid(ConversionSubmission submission) {
        return valid(submission, false);
    }

    private static NormalizedConversion valid(ConversionSubmission submission, boolean trusted) {
        return assertInstanceOf(ConversionNormalizer.Valid.class, NORMALIZER.normalize(submission, trusted)).conversion();
    }

    private static ConversionSubmission submission(String email, String country, String size, String firstName, String phone,
            Map<String, String> fields, Instant submittedAt) {
        return new ConversionSubmission(email, "demo-request", "demo-request", firstName, "Doe", "Acme", "CTO", phone, country, size,
                null, "https://www.example.com/demo", null, null, null, new ConversionSubmission.Consent(true, "v1"), fields, submittedAt);
    }
}
