package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.TestValidators;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.service.FieldViolation;

/** Proves an engagement is tied to the right lead by email or lead id, and bad ones are refused field by field. */
class EngagementNormalizerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final EngagementNormalizer NORMALIZER = new EngagementNormalizer(TestValidators.at(NOW));

    @Test
    void shouldResolveTheLeadFromTheEmail() {
        var valid = assertInstanceOf(EngagementNormalizer.Valid.class, NORMALIZER.normalize(
                new EngagementSubmission("email-clicked", " Jane@Acme.example", null, null, "https://x.example/a", "spring", null, null)));
        assertEquals(LeadIds.fromEmail("jane@acme.example"), valid.engagement().leadId());
        assertEquals(EngagementType.EMAIL_CLICKED, valid.engagement().type());
    }

    @Test
    void shouldAcceptALeadIdThatMatchesTheEmail() {
        String leadId = LeadIds.fromEmail("jane@acme.example");
        var valid = assertInstanceOf(EngagementNormalizer.Valid.class, NORMALIZER.normalize(
                new EngagementSubmission("PAGE_VIEW", "jane@acme.example", leadId, null, null, null, null, null)));
        assertEquals(leadId, valid.engagement().leadId());
    }

    @Test
    void shouldNameEveryBadField() {
        var invalid = assertInstanceOf(EngagementNormalizer.Invalid.class, NORMALIZER.normalize(
                new EngagementSubmission("sneezed", null, "not-a-uuid", NOW.plusSeconds(3600), null, "c".repeat(257), null, null)));
        assertEquals(List.of("type", "leadId", "occurredAt", "campaign"), invalid.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void shouldRefuseALeadIdOfAnotherPersonAndAnEngagementOfNobody() {
        var mismatch = assertInstanceOf(EngagementNormalizer.Invalid.class, NORMALIZER.normalize(
                new EngagementSubmission("PAGE_VIEW", "jane@acme.example", LeadIds.fromEmail("bob@acme.example"), null, null, null, null, null)));
        assertEquals("leadId", mismatch.violations().get(0).field());
        var nobody = assertInstanceOf(EngagementNormalizer.Invalid.class, NORMALIZER.normalize(
                new EngagementSubmission("PAGE_VIEW", null, null, null, null, null, null, null)));
        assertEquals("email", nobody.violations().get(0).field());
    }
}
