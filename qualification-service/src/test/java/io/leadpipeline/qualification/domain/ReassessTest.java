package io.leadpipeline.qualification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.qualification.config.ScoringRuleSet;

/** Proves "re-assess all leads": a lead moves when the live rules give it another stage, once; a sales-qualified lead never moves. */
class ReassessTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final Qualification shipped = new Qualification(ScoringRuleSet.defaults());

    @Test
    void shouldMoveALeadWhoseStageTheNewRulesChangeWithOneDecisionUnderTheirVersion() throws IOException {
        LeadProfile student = lead(shipped, "sam", new Contact("sam.student@gmail.com", "Sam", null, null, "Student", null, null, null,
                null, null), FormType.CONTENT_DOWNLOAD);
        assertEquals(LeadStage.REJECTED, student.stage());
        Qualification lenient = new Qualification(ScoringRuleSet.rules(Files.readString(Path.of("../config/scoring.yaml"))
                .replace("mql: 60", "mql: -100").getBytes(StandardCharsets.UTF_8), "lenient.yaml"));

        Qualification.Step moved = lenient.reassess(student, T0.plusSeconds(60));
        Qualification.Step again = lenient.reassess(student, T0.plusSeconds(120));

        assertEquals(1, moved.decisions().size());
        assertEquals(LeadStage.MQL, moved.profile().stage());
        assertEquals(LeadStage.REJECTED, moved.decisions().get(0).previousStage());
        assertEquals(lenient.scorer().rules().version(), moved.decisions().get(0).assessment().rulesVersion());
        assertEquals(moved.decisions().get(0).decisionId(), again.decisions().get(0).decisionId(),
                "the same re-assessment decides under one id, so it is never counted twice");
        assertTrue(shipped.reassess(student, T0.plusSeconds(60)).decisions().isEmpty(), "the same rules move nothing");
    }

    @Test
    void shouldNeverPullBackASalesQualifiedLead() throws IOException {
        LeadProfile vp = lead(shipped, "jane", new Contact("jane.doe@acme-robotics.example", "Jane", null, "Acme Robotics", "VP of Sales",
                null, "US", "500", 500, null), FormType.DEMO_REQUEST);
        assertEquals(LeadStage.SQL, vp.stage());
        Qualification strict = new Qualification(ScoringRuleSet.rules(Files.readString(Path.of("../config/scoring.yaml"))
                .replace("competitorDomains: [", "competitorDomains: [acme-robotics.example, ").getBytes(StandardCharsets.UTF_8), "s.yaml"));

        Qualification.Step step = strict.reassess(vp, T0.plusSeconds(60));

        assertFalse(step.changed());
        assertTrue(step.decisions().isEmpty());
    }

    private static LeadProfile lead(Qualification rules, String id, Contact contact, FormType form) {
        return rules.apply(null, id, new LeadEvent.Converted("conversion-" + id, T0, contact, true, "v1", null, form)).profile();
    }
}
