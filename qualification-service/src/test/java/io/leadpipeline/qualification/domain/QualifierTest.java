package io.leadpipeline.qualification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.qualification.domain.scoring.Qualifier;

/** Proves the first rule set: demo requests from business emails with a company are SQL, the rest rejected with a reason. */
class QualifierTest {

    private final Qualifier qualifier = new Qualifier();

    @Test
    void shouldQualifyADemoRequestFromABusinessEmailWithACompanyAsSql() {
        Assessment assessment = qualifier.assess(lead("vp@acme.example", "Acme", FormType.DEMO_REQUEST));

        assertEquals(LeadStage.SQL, assessment.stage());
        assertNull(assessment.rejectionReason());
        assertEquals(30, assessment.fitScore());
        assertEquals(40, assessment.engagementScore());
        assertEquals(Grade.A, assessment.grade());
        assertEquals(List.of("fit.business-email", "fit.company-named", "intent.high-intent-form"),
                assessment.reasons().stream().map(Reason::ruleId).toList());
    }

    @Test
    void shouldRejectAFreeMailLeadAsNotAFit() {
        Assessment assessment = qualifier.assess(lead("student@gmail.com", null, FormType.CONTENT_DOWNLOAD));

        assertEquals(LeadStage.REJECTED, assessment.stage());
        assertEquals(RejectionReason.NOT_A_FIT, assessment.rejectionReason());
        assertEquals(Grade.D, assessment.grade());
        assertEquals(-30, assessment.fitScore());
    }

    @Test
    void shouldRejectALowIntentBusinessLeadForItsLowScore() {
        Assessment assessment = qualifier.assess(lead("it@acme.example", "Acme", FormType.NEWSLETTER_SIGNUP));

        assertEquals(LeadStage.REJECTED, assessment.stage());
        assertEquals(RejectionReason.LOW_SCORE, assessment.rejectionReason());
        assertEquals(5, assessment.engagementScore());
    }

    private static LeadProfile lead(String email, String company, FormType form) {
        return LeadProfile.newLead("lead-1").withConversion("c-1",
                new Contact(email, "Test", null, company, null, null, null, null, null), true, null, form,
                Instant.parse("2026-11-26T10:00:00Z"));
    }
}
