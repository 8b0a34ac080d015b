package io.leadpipeline.qualification.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadpipeline.events.Grade;
import io.leadpipeline.qualification.domain.scoring.InvalidRulesException;
import io.leadpipeline.qualification.domain.scoring.ScoringRules;

/** Proves the rules file is read from the config folder or the shipped default, versioned by its hash, and a bad one is refused naming the bad entry. */
class ScoringRulesLoaderTest {

    private static final Path SHIPPED = Path.of("../config/scoring.yaml");

    @Test
    void shouldLoadTheShippedDefaultsWhenNoConfigFolderIsSet() throws IOException {
        ScoringRules rules = ScoringRulesLoader.load(Optional.empty());

        assertEquals(ScoringRulesLoader.version(Files.readAllBytes(SHIPPED)), rules.version(), "the default is config/scoring.yaml");
        assertTrue(rules.version().matches("sha256:[0-9a-f]{16}"), rules.version());
        assertEquals(Grade.B, rules.sqlMinimumGrade());
    }

    @Test
    void shouldPreferTheConfigFolderAndVersionTheRulesByTheFileHash(@TempDir Path dir) throws IOException {
        String edited = Files.readString(SHIPPED).replace("mql: 60", "mql: 55");
        Files.writeString(dir.resolve("scoring.yaml"), edited);

        ScoringRules rules = ScoringRulesLoader.load(Optional.of(dir));

        assertEquals(55, rules.mqlThreshold());
        assertNotEquals(ScoringRulesLoader.defaults().version(), rules.version(), "an edit is a new rules version");
    }

    @Test
    void shouldFallBackToTheDefaultsWhenTheConfigFolderHasNoScoringFile(@TempDir Path dir) {
        assertEquals(ScoringRulesLoader.defaults().version(), ScoringRulesLoader.load(Optional.of(dir)).version());
    }

    @Test
    void shouldNameAnUnknownEntryAndItsLine() throws IOException {
        String yaml = Files.readString(SHIPPED).replace("  missingTitlePoints: -5", "  missingTitlePoints: -5\n  seniorityy: 3");

        InvalidRulesException error = assertThrows(InvalidRulesException.class, () -> parse(yaml));

        assertTrue(error.getMessage().contains("fit.seniorityy: unknown entry (line "), error.getMessage());
    }

    @Test
    void shouldNameAValueOfTheWrongType() throws IOException {
        String yaml = Files.readString(SHIPPED).replace("mql: 60", "mql: sixty");

        InvalidRulesException error = assertThrows(InvalidRulesException.class, () -> parse(yaml));

        assertTrue(error.getMessage().contains("thresholds.mql"), error.getMessage());
    }

    @Test
    void shouldNameTheLineOfBrokenYaml() throws IOException {
        String yaml = Files.readString(SHIPPED).replace("grades:\n  A: 65", "grades:\n  A: [65");

        InvalidRulesException error = assertThrows(InvalidRulesException.class, () -> parse(yaml));

        assertTrue(error.getMessage().contains("(line "), error.getMessage());
    }

    @Test
    void shouldNameEveryInconsistentEntry() throws IOException {
        String yaml = Files.readString(SHIPPED)
                .replace("sql: 100", "sql: 50")
                .replace("  B: 45", "  B: 70")
                .replace("    TRIAL_SIGNUP: 35", "    TRIAL_SIGNIN: 35")
                .replace("\"/pricing\"", "\"/pricing[\"")
                .replace("competitorDomains: [rival-leads.com,", "competitorDomains: [rival-leads,")
                .replace("  halfLifeDays: 30", "  halfLifeDays: 0")
                .replace("      - {min: 51, max: 200, points: 10}", "      - {min: 40, max: 200, points: 10}")
                .replace("  minimumGrade: B", "  minimumGrade: E")
                .replace("      keywords: [director, \"head of\", head]", "      keywords: []");

        InvalidRulesException error = assertThrows(InvalidRulesException.class, () -> parse(yaml));

        assertEquals(9, error.problems().size(), error.getMessage());
        assertTrue(error.problems().contains("thresholds.sql: must be above thresholds.mql (60), was 50"), error.getMessage());
        assertTrue(error.problems().contains("grades.B: must be below A's 65, was 70"), error.getMessage());
        assertTrue(error.problems().stream().anyMatch(p -> p.startsWith("engagement.forms.TRIAL_SIGNIN: unknown FormType")), error.getMessage());
        assertTrue(error.problems().stream().anyMatch(p -> p.startsWith("engagement.pages[0].pattern: '/pricing[' is not a valid regular expression")), error.getMessage());
        assertTrue(error.problems().contains("disqualification.competitorDomains[0]: 'rival-leads' is not a domain name like example.com"), error.getMessage());
        assertTrue(error.problems().contains("engagement.halfLifeDays: must be more than 0, was 0.0"), error.getMessage());
        assertTrue(error.problems().stream().anyMatch(p -> p.startsWith("fit.companySize.bands[2].min: must be above the previous band's max")), error.getMessage());
        assertTrue(error.problems().stream().anyMatch(p -> p.startsWith("fastTrack.minimumGrade: unknown Grade 'E'")), error.getMessage());
        assertTrue(error.problems().contains("fit.seniority[1].keywords: must list at least one keyword"), error.getMessage());
    }

    @Test
    void shouldNameAMissingSection() throws IOException {
        String yaml = Files.readString(SHIPPED).replaceAll("(?s)\nstale:\n  mqlAfterDays: 30[^\n]*\n", "\n");

        InvalidRulesException error = assertThrows(InvalidRulesException.class, () -> parse(yaml));

        assertEquals(java.util.List.of("stale: is required"), error.problems());
    }

    @Test
    void shouldStopStartUpOnABadRulesFileInTheConfigFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("scoring.yaml"), Files.readString(SHIPPED).replace("coolDownDays: 14", "coolDownDays: -1"));

        InvalidRulesException error = assertThrows(InvalidRulesException.class,
                () -> new RulesProducer().scoringRules(Optional.of(dir)));

        assertTrue(error.getMessage().startsWith("Invalid scoring rules in " + dir.resolve("scoring.yaml")), error.getMessage());
        assertEquals(java.util.List.of("recycle.coolDownDays: must be 1 or more days, was -1"), error.problems());
    }

    private static ScoringRules parse(String yaml) {
        return ScoringRulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }
}
