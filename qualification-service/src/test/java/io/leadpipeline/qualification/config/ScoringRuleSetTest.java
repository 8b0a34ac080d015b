package io.leadpipeline.qualification.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadpipeline.events.Grade;
import io.leadpipeline.qualification.domain.scoring.ScoringRules;
import io.leadpipeline.service.rules.InvalidRulesException;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RuleProblem;
import io.leadpipeline.service.rules.RulesVersion;

/**
 * Proves scoring.yaml loads through the rules kit: the shipped file unchanged, versioned by its hash, from the config
 * folder when it has one, and a bad document refused naming the line and path of every problem.
 */
class ScoringRuleSetTest {

    private static final Path SHIPPED = Path.of("../config/scoring.yaml");

    @Test
    void shouldLoadTheShippedFileAsTheBuiltInSeed() throws IOException {
        ScoringRules rules = ScoringRuleSet.defaults();

        assertEquals(RulesVersion.of(Files.readAllBytes(SHIPPED)), rules.version(), "the built-in seed is config/scoring.yaml");
        assertTrue(rules.version().matches("sha256:[0-9a-f]{16}"), rules.version());
        assertEquals(Grade.B, rules.sqlMinimumGrade());
        assertEquals(60, rules.mqlThreshold());
    }

    @Test
    void shouldSeedFromTheConfigFolderAndVersionAnEditAsANewVersion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("scoring.yaml"), Files.readString(SHIPPED).replace("mql: 60", "mql: 55"));

        ScoringRules rules = RuleFiles.compile(ScoringRuleSet.RULE_SET, RuleFiles.seed(Optional.of(dir), ScoringRuleSet.FILE_NAME))
                .scorer().rules();

        assertEquals(55, rules.mqlThreshold());
        assertNotEquals(ScoringRuleSet.defaults().version(), rules.version(), "an edit is a new rules version");
        assertEquals(ScoringRuleSet.defaults().version(), RuleFiles.compile(ScoringRuleSet.RULE_SET,
                RuleFiles.seed(Optional.of(dir.resolve("empty")), ScoringRuleSet.FILE_NAME)).scorer().rules().version(),
                "a config folder without scoring.yaml falls back to the shipped file");
    }

    @Test
    void shouldNameAnUnknownEntryWithItsLineAndTheKnownOnes() throws IOException {
        String yaml = Files.readString(SHIPPED).replace("  missingTitlePoints: -5", "  missingTitlePoints: -5\n  seniorityy: 3");

        List<String> problems = problems(yaml);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("line \\d+, fit\\.seniorityy: unknown entry 'seniorityy' \\(known here: .*seniority.*\\)"),
                problems.toString());
    }

    @Test
    void shouldNameAValueOfTheWrongTypeAndBrokenYamlByLine() throws IOException {
        List<String> wrongType = problems(Files.readString(SHIPPED).replace("mql: 60", "mql: sixty"));
        List<String> broken = problems(Files.readString(SHIPPED).replace("grades:\n  A: 65", "grades:\n  A: [65"));

        assertTrue(wrongType.get(0).matches("line \\d+, thresholds\\.mql: .*"), wrongType.toString());
        assertTrue(broken.get(0).startsWith("line "), broken.toString());
    }

    @Test
    void shouldNameAnUnknownEnumValue() throws IOException {
        List<String> problems = problems(Files.readString(SHIPPED).replace("  minimumGrade: B", "  minimumGrade: E"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("line \\d+, fastTrack\\.minimumGrade: 'E' is not one of A, B, C, D"), problems.toString());
    }

    @Test
    void shouldNameEveryInvalidFieldTogether() throws IOException {
        String yaml = Files.readString(SHIPPED)
                .replace("competitorDomains: [rival-leads.com,", "competitorDomains: [rival-leads,")
                .replace("  halfLifeDays: 30", "  halfLifeDays: 0")
                .replace("      keywords: [director, \"head of\", head]", "      keywords: []")
                .replace("coolDownDays: 14", "coolDownDays: -1");

        List<String> problems = problems(yaml);

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.startsWith("line ")), "every problem names its line: " + problems);
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("fit.seniority[1].keywords: must list at least one keyword")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("engagement.halfLifeDays: must be more than 0")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("disqualification.competitorDomains[0]: is not a domain name like example.com")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("recycle.coolDownDays: must be 1 or more days")), problems.toString());
    }

    @Test
    void shouldNameEveryInconsistencyBetweenFieldsTogether() throws IOException {
        String yaml = Files.readString(SHIPPED)
                .replace("sql: 100", "sql: 50")
                .replace("  B: 45", "  B: 70")
                .replace("\"/pricing\"", "\"/pricing[\"")
                .replace("      - {min: 51, max: 200, points: 10}", "      - {min: 40, max: 200, points: 10}");

        List<String> problems = problems(yaml);

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.startsWith("line ")), "every problem names its line: " + problems);
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("thresholds.sql: must be above thresholds.mql (60), was 50")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("grades.B: must be below A's 65, was 70")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("engagement.pages[0].pattern: '/pricing[' is not a valid regular expression")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("fit.companySize.bands[2].min: must be above the previous band's max")),
                problems.toString());
    }

    @Test
    void shouldNameAMissingSection() throws IOException {
        String yaml = Files.readString(SHIPPED).replaceAll("(?s)\nstale:\n  mqlAfterDays: 30[^\n]*\n", "\n");

        assertEquals(List.of("stale: is required"), problems(yaml));
    }

    @Test
    void shouldNameTheFileOfABadSeed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("scoring.yaml"), Files.readString(SHIPPED).replace("coolDownDays: 14", "coolDownDays: 0"));

        InvalidRulesException error = assertThrows(InvalidRulesException.class,
                () -> RuleFiles.compile(ScoringRuleSet.RULE_SET, RuleFiles.seed(Optional.of(dir), ScoringRuleSet.FILE_NAME)));

        assertTrue(error.getMessage().startsWith(dir.resolve("scoring.yaml") + " is not valid"), error.getMessage());
    }

    private static List<String> problems(String yaml) {
        InvalidRulesException error = assertThrows(InvalidRulesException.class,
                () -> ScoringRuleSet.rules(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
        return error.problems().stream().map(RuleProblem::toString).toList();
    }
}
