package io.leadpipeline.qualification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.qualification.config.ScoringRuleSet;
import io.leadpipeline.qualification.domain.scoring.ScoringRules;

/**
 * Proves the backtest's numbers on a history worked out by hand with the shipped scoring.yaml (ScorerTest proves each
 * figure used here) against a candidate that raises grade A to 70, the SQL threshold to 120 and fast track to grade A:
 * <ul>
 * <li>Jane, VP of Sales at a 500-person US company, demo request: fit 80 + engagement 50 = 130, grade A, SQL under
 * both (A under the candidate too: 80 &ge; 70); a closer accepted her.</li>
 * <li>Raj, Head of Operations at a 1,200-person company, demo request: fit 65 + 50 = 115. Current: grade A, fast-tracked
 * to SQL; a closer rejected him as NOT_A_FIT, so he was recycled to REJECTED. Candidate: 65 &lt; 70 is grade B, not
 * fast-tracked (needs A), 115 &lt; 120 is not SQL, 115 &ge; 60 is MQL: never SQL, so the rejection does not apply.</li>
 * <li>Sam, a student with a free-mail address, e-book: fit -65, grade D, REJECTED under both.</li>
 * </ul>
 */
class BacktestTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Path SHIPPED = Path.of("../config/scoring.yaml");

    @Test
    void shouldCompareStagesGradesTransitionsAndClosersVerdictsAsWorkedOutByHand() throws IOException {
        String shipped = Files.readString(SHIPPED);
        ScoringRules candidateRules = ScoringRuleSet.rules(shipped.replace("  A: 65", "  A: 70").replace("sql: 100", "sql: 120")
                .replace("  minimumGrade: B", "  minimumGrade: A").getBytes(StandardCharsets.UTF_8), "candidate.yaml");
        Backtest backtest = new Backtest(new Qualification(ScoringRuleSet.defaults()), new Qualification(candidateRules), 10);

        converted(backtest, "jane", new Contact("jane.doe@acme-robotics.example", "Jane", null, "Acme Robotics", "VP of Sales", null,
                "US", "500", 500, null), FormType.DEMO_REQUEST, T0);
        converted(backtest, "raj", new Contact("raj.patel@initech.example", "Raj", null, "Initech", "Head of Operations", null,
                null, "1200", 1200, null), FormType.DEMO_REQUEST, T0);
        converted(backtest, "sam", new Contact("sam.student@gmail.com", "Sam", null, null, "Student", null, null, null, null, null),
                FormType.CONTENT_DOWNLOAD, T0);
        backtest.feed("jane", new LeadEvent.HandoffConcluded("outcome-jane", T0.plusSeconds(60), HandoffOutcomeType.ACCEPTED,
                "closer-ava", null));
        backtest.feed("raj", new LeadEvent.HandoffConcluded("outcome-raj", T0.plusSeconds(60), HandoffOutcomeType.REJECTED,
                "closer-ben", "NOT_A_FIT"));

        Backtest.Report report = backtest.report(T0.plus(Duration.ofMinutes(1)));

        assertEquals(5, report.events());
        assertEquals(3, report.leads());
        assertEquals(Map.of("REJECTED", 2, "SQL", 1), report.currentStages());
        assertEquals(Map.of("MQL", 1, "REJECTED", 1, "SQL", 1), report.candidateStages());
        assertEquals(Map.of("A", 2, "D", 1), report.currentGrades());
        assertEquals(Map.of("A", 1, "B", 1, "D", 1), report.candidateGrades());
        assertEquals(Map.of("SQL", Map.of("SQL", 1), "REJECTED", Map.of("MQL", 1, "REJECTED", 1)), report.transitions());
        assertEquals(new Backtest.Outcomes(1, 1, 1, 1), report.outcomes(), "Jane still SQL; Raj, NOT_A_FIT, kept out");
        assertEquals(1, report.changedLeads());
        Backtest.ChangedLead raj = report.changed().get(0);
        assertEquals(List.of("raj", "REJECTED", "MQL", "A", "B", 115, 115), List.of(raj.leadId(), raj.currentStage(),
                raj.candidateStage(), raj.currentGrade(), raj.candidateGrade(), raj.currentScore(), raj.candidateScore()));
        assertEquals(List.of(0, 0), raj.differingRules().get("stage.mql-threshold"), "the candidate decided MQL by its threshold: " + raj.differingRules());
        assertTrue(raj.differingRules().containsKey("stage.recycle-cool-down"), "the current rules recycled him: " + raj.differingRules());
        assertEquals(ScoringRuleSet.defaults().version(), report.currentVersion());
        assertEquals(candidateRules.version(), report.candidateVersion());
    }

    @Test
    void shouldCountTheSameWhenLeadsAreSettledPartitionByPartitionAndListOnlyAsManyAsAsked() throws IOException {
        ScoringRules candidateRules = ScoringRuleSet.rules(Files.readString(SHIPPED).replace("  A: 65", "  A: 70")
                .replace("sql: 100", "sql: 120").replace("  minimumGrade: B", "  minimumGrade: A").getBytes(StandardCharsets.UTF_8), "c.yaml");
        Backtest backtest = new Backtest(new Qualification(ScoringRuleSet.defaults()), new Qualification(candidateRules), 0);
        Instant now = T0.plus(Duration.ofMinutes(1));
        converted(backtest, "raj", new Contact("raj.patel@initech.example", "Raj", null, "Initech", "Head of Operations", null,
                null, "1200", 1200, null), FormType.DEMO_REQUEST, T0);
        backtest.settle(now);
        converted(backtest, "sam", new Contact("sam.student@gmail.com", "Sam", null, null, "Student", null, null, null, null, null),
                FormType.CONTENT_DOWNLOAD, T0);

        Backtest.Report report = backtest.report(now);

        assertEquals(2, report.leads());
        assertEquals(Map.of("SQL", Map.of("MQL", 1), "REJECTED", Map.of("REJECTED", 1)), report.transitions());
        assertEquals(1, report.changedLeads(), "counted");
        assertEquals(List.of(), report.changed(), "but none listed when none are asked for");
    }

    @Test
    void shouldFindNothingChangedWhenTheCandidateIsTheCurrentRules() {
        Backtest backtest = new Backtest(new Qualification(ScoringRuleSet.defaults()), new Qualification(ScoringRuleSet.defaults()), 10);
        converted(backtest, "jane", new Contact("jane.doe@acme-robotics.example", "Jane", null, "Acme Robotics", "VP of Sales", null,
                "US", "500", 500, null), FormType.DEMO_REQUEST, T0);
        backtest.feed("ghost", new LeadEvent.Engaged("view-1", T0, io.leadpipeline.events.EngagementType.PAGE_VIEW, "/pricing", null));

        Backtest.Report report = backtest.report(T0);

        assertEquals(1, report.leads(), "an engagement of an unknown lead is no lead");
        assertEquals(0, report.changedLeads());
        assertEquals(Map.of("SQL", Map.of("SQL", 1)), report.transitions());
    }

    private static void converted(Backtest backtest, String leadId, Contact contact, FormType form, Instant at) {
        backtest.feed(leadId, new LeadEvent.Converted("conversion-" + leadId, at, contact, true, "v1", null, form));
    }
}
