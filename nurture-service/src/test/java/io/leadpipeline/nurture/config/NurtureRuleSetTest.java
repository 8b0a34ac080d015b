package io.leadpipeline.nurture.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.nurture.TestRules;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.domain.QuietHours;
import io.leadpipeline.nurture.domain.Step;
import io.leadpipeline.service.rules.InvalidRulesException;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RuleProblem;
import io.leadpipeline.service.rules.RulesVersion;
import io.leadpipeline.service.security.Roles;

/**
 * Proves nurture.yaml loads through the rules kit: the shipped file unchanged, versioned by its hash, from the config
 * folder when it has one, and a bad document refused naming the line and path of every problem, field by field and
 * across fields, with every check the old hand-written parser made.
 */
class NurtureRuleSetTest {

    private static final Path SHIPPED = Path.of("../config/nurture.yaml");

    @Test
    void shouldLoadTheShippedFileAsTheBuiltInSeed() throws IOException {
        byte[] file = Files.readAllBytes(SHIPPED);
        RuleFiles.Seed seed = RuleFiles.builtIn(NurtureRuleSet.FILE_NAME);
        NurtureRules shipped = NurtureRuleSet.defaults();

        assertArrayEquals(file, seed.document(), "the built-in seed is config/nurture.yaml as shipped");
        assertEquals(RulesVersion.of(file), shipped.version());
        assertTrue(shipped.version().matches("sha256:[0-9a-f]{16}"), shipped.version());
        assertEquals(List.of("recycle", "fit-warm-up", "webinar-follow-up", "warm-up", "education", "re-engagement"),
                shipped.tracks().stream().map(track -> track.id()).toList());
        assertTrue(shipped.tracks().stream().allMatch(track -> track.steps().get(0).after().isZero()),
                "every shipped track sends its first email right away");
        assertEquals(new Step(Duration.ofDays(3), "fit-product-tour", TouchChannel.EMAIL), shipped.track("fit-warm-up").orElseThrow().step(2));
        assertEquals(Duration.ofDays(7), shipped.reenrollment().coolDown());
        assertEquals(3, shipped.reenrollment().maxCycles());
        assertEquals(Optional.of(ZoneId.of("America/New_York")), shipped.timezoneOf("US"));
        assertEquals(30, shipped.countryTimezones().size());
    }

    @Test
    void shouldNameTheRuleSetOnLeadRulesAndWhoMayEditIt() {
        assertEquals("nurture", NurtureRuleSet.RULE_SET.name());
        assertEquals("nurture.yaml", NurtureRuleSet.RULE_SET.fileName());
        assertEquals(List.of(Roles.MARKETING_OPS), NurtureRuleSet.RULE_SET.editorRoles());
        byte[] yaml = TestRules.YAML.getBytes(StandardCharsets.UTF_8);
        var compiled = NurtureRuleSet.RULE_SET.compile(yaml, "test.yaml");
        assertEquals(RulesVersion.of(yaml), compiled.version());
        assertEquals(compiled.version(), compiled.rules().version(), "the compiled rules carry the version they were compiled as");
    }

    @Test
    void shouldReadTracksStepsQuietHoursReenrollmentAndTimezones() {
        NurtureRules rules = TestRules.rules();
        var nurture = rules.track("nurture").orElseThrow();
        assertEquals(List.of(new Step(Duration.ZERO, "nurture-1", TouchChannel.EMAIL), new Step(Duration.ofDays(2), "nurture-2", TouchChannel.EMAIL),
                new Step(Duration.ofDays(3), "nurture-3", TouchChannel.EMAIL)), nurture.steps());
        assertEquals(Optional.of(new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0))), nurture.quietHours());
        assertEquals(Optional.empty(), rules.track("recycle").orElseThrow().quietHours());
        assertTrue(rules.track("warm-up").orElseThrow().serves().catchesAll(NurtureEnrollmentReason.STALE));
        assertTrue(rules.track("education").orElseThrow().serves().industries().contains("education"));
        assertEquals(Duration.ofDays(7), rules.reenrollment().coolDown());
        assertEquals(3, rules.reenrollment().maxCycles());
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), rules.timezoneOf("de"));
        assertEquals(Optional.empty(), rules.timezoneOf("ZZ"));
        assertEquals(Optional.empty(), rules.timezoneOf(null));
        assertEquals(TestRules.VERSION, rules.version());
    }

    @Test
    void shouldTakeIsoDurationsAsWellAsTheShortOnes() {
        NurtureRules iso = TestRules.parse(TestRules.YAML.replace("coolDown: 7d", "coolDown: PT168H")
                .replace("{after: 2d, template: nurture-2", "{after: P2D, template: nurture-2")
                .replace("{after: 10d, template: recycle-2", "{after: 2w, template: recycle-2"));

        assertEquals(Duration.ofDays(7), iso.reenrollment().coolDown());
        assertEquals(Duration.ofDays(2), iso.track("nurture").orElseThrow().step(2).after());
        assertEquals(Duration.ofDays(14), iso.track("recycle").orElseThrow().step(2).after());
    }

    @Test
    void shouldSeedFromTheConfigFolderAndFallBackToTheShippedFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(NurtureRuleSet.FILE_NAME), TestRules.YAML);

        assertEquals(TestRules.rules(), RuleFiles.compile(NurtureRuleSet.RULE_SET, RuleFiles.seed(Optional.of(dir), NurtureRuleSet.FILE_NAME)));
        assertEquals(NurtureRuleSet.defaults(), RuleFiles.compile(NurtureRuleSet.RULE_SET,
                RuleFiles.seed(Optional.of(dir.resolve("elsewhere")), NurtureRuleSet.FILE_NAME)));
        assertNotEquals(TestRules.VERSION, NurtureRuleSet.defaults().version(), "another document is another version");
    }

    @Test
    void shouldNameAnUnknownEntryWithItsLineAndTheKnownOnes() {
        String shipped = shippedWith("{after: 3d, template: fit-product-tour, channel: EMAIL}",
                "{after: 3d, template: fit-product-tour, chanel: EMAIL}");

        assertEquals(List.of("line " + lineOf(shipped, "chanel: EMAIL") + ", tracks[1].steps[1].chanel: unknown entry 'chanel'"
                + " (known here: after, channel, template)"), problems(shipped));
    }

    @Test
    void shouldNameAnUnknownTrackEntryWithThePathAndTheKnownOnes() {
        String yaml = TestRules.YAML.replaceFirst("    steps:\n", "    stepz:\n");

        List<RuleProblem> problems = problemsOf(yaml);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("tracks[0].stepz", problems.get(0).path());
        assertEquals("unknown entry 'stepz' (known here: id, quietHours, serves, steps)", problems.get(0).message());
        // The kit (RulesReader) takes an unknown entry's line from where Jackson stopped reading, which for a key whose
        // value is a block spanning lines is the line after that value, not the key's own line: here between the
        // key's line and the next track's.
        int key = lineOf(yaml, "    stepz:");
        int nextTrack = lineOf(yaml, "  - id: fit-warm-up");
        assertTrue(problems.get(0).line() >= key && problems.get(0).line() <= nextTrack, problems.toString());
    }

    @Test
    void shouldRefuseABadDurationNamingItsLine() {
        String yaml = TestRules.YAML.replace("{after: 2d, template: nurture-2", "{after: 2x, template: nurture-2");

        List<RuleProblem> problems = problemsOf(yaml);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("tracks[5].steps[1].after", problems.get(0).path());
        assertEquals(lineOf(yaml, "after: 2x"), problems.get(0).line());
        assertTrue(problems.get(0).message().contains("\"2x\"") && problems.get(0).message().contains("a duration like 10s, 5m, 4h, 14d"),
                problems.toString());
        assertEquals(List.of("line " + lineOf(TestRules.YAML, "reenrollment:") + ", reenrollment.coolDown: must not be negative"),
                problems(TestRules.YAML.replace("coolDown: 7d", "coolDown: PT-1H")));
    }

    @Test
    void shouldNameEveryInvalidFieldTogetherWithItsLineAndPath() {
        String yaml = TestRules.YAML.replace("maxCycles: 3", "maxCycles: 0")
                .replace("countryTimezones: {DE: Europe/Berlin}", "countryTimezones: {DE: Europe/Berlin, fr: Europe/Paris}")
                .replace("id: webinar", "id: Webinar_Track")
                .replace("{after: 0h, template: fit-1, channel: EMAIL}", "{after: 0h, template: \" \", channel: EMAIL}")
                .replace("to: \"08:00\"", "to: \"8 am\"")
                .replace("serves: {reasons: [LOW_SCORE, STALE]}", "serves: {reasons: []}")
                .replace("    steps:\n      - {after: 0h, template: edu-1, channel: EMAIL}\n", "    steps: []\n");

        List<String> problems = problems(yaml);

        assertEquals(List.of(
                "line " + lineOf(yaml, "reenrollment:") + ", reenrollment.maxCycles: must be a whole number of at least 1",
                "line " + lineOf(yaml, "countryTimezones:") + ", countryTimezones.fr: is not an ISO-3166 alpha-2 country code like US or DE",
                "line " + lineOf(yaml, "template: \" \"") + ", tracks[1].steps[0].template: is required, the email platform's template id",
                "line " + lineOf(yaml, "id: Webinar_Track") + ", tracks[2].id: must be lower-case letters, digits and dashes, like fit-warm-up",
                "line " + lineOf(yaml, "reasons: []") + ", tracks[3].serves.reasons: is required, one or more of [LOW_SCORE, NOT_A_FIT, STALE, CLOSER_REJECTED]",
                "line " + lineOf(yaml, "steps: []") + ", tracks[4].steps: at least one step is required",
                "line " + lineOf(yaml, "quietHours:") + ", tracks[5].quietHours.to: is not a time like \"20:00\""), problems);
    }

    @Test
    void shouldRefuseAFractionOfACycleOrACountWrittenAsText() {
        assertEquals(List.of("line 1, reenrollment.maxCycles: must be a whole number, was '1.5'"),
                problems(TestRules.YAML.replace("maxCycles: 3", "maxCycles: 1.5")));
        assertEquals(List.of("line 1, reenrollment.maxCycles: must be a whole number, was '3'"),
                problems(TestRules.YAML.replace("maxCycles: 3", "maxCycles: \"3\"")));
    }

    @Test
    void shouldNameAnUnknownChannelReasonGradeAndFormTypeWithItsLine() {
        assertEquals(List.of("line " + lineOf(TestRules.YAML, "template: fit-1") + ", tracks[1].steps[0].channel: 'SMS' is not one of EMAIL"),
                problems(TestRules.YAML.replace("template: fit-1, channel: EMAIL", "template: fit-1, channel: SMS")));
        assertEquals(List.of("line " + lineOf(TestRules.YAML, "reasons: [LOW_SCORE, STALE]")
                + ", tracks[3].serves.reasons[1]: 'DISQUALIFIED_COMPETITOR' is not one of LOW_SCORE, NOT_A_FIT, STALE, CLOSER_REJECTED, OTHER"),
                problems(TestRules.YAML.replace("reasons: [LOW_SCORE, STALE]", "reasons: [LOW_SCORE, DISQUALIFIED_COMPETITOR, STALE]")));
        assertEquals(List.of("line " + lineOf(TestRules.YAML, "grades: [A, B]") + ", tracks[1].serves.grades[1]: 'E' is not one of A, B, C, D"),
                problems(TestRules.YAML.replace("grades: [A, B]", "grades: [A, E]")));
        assertTrue(problems(TestRules.YAML.replace("formTypes: [WEBINAR_REGISTRATION]", "formTypes: [WEBINAR]")).get(0)
                .startsWith("line " + lineOf(TestRules.YAML, "formTypes:") + ", tracks[2].serves.formTypes[0]: 'WEBINAR' is not one of "));
    }

    @Test
    void shouldNameEveryCrossFieldProblemTogetherWithItsLineAndPath() {
        String yaml = TestRules.YAML.replace("DE: Europe/Berlin", "DE: Europe/Bonn")
                .replace("reasons: [CLOSER_REJECTED]", "reasons: [CLOSER_REJECTED], grades: [A]")
                .replace("id: webinar", "id: fit-warm-up")
                .replace("reasons: [LOW_SCORE, STALE]", "reasons: [LOW_SCORE, OTHER, STALE]")
                .replace("quietHours: {from: \"20:00\", to: \"08:00\"}", "quietHours: {from: \"20:00\", to: \"20:00\"}");

        List<String> problems = problems(yaml);

        assertEquals(List.of(
                "line " + lineOf(yaml, "countryTimezones:") + ", countryTimezones.DE: unknown time zone 'Europe/Bonn' (use an IANA id like Europe/Berlin)",
                "line " + lineOf(yaml, "tracks:") + ", tracks: no track takes every CLOSER_REJECTED lead (one serving CLOSER_REJECTED without grades,"
                        + " industries or formTypes); such leads would not be nurtured — add a recycle track",
                "line " + lineOf(yaml, "id: fit-warm-up\n    serves: {reasons: [LOW_SCORE], formTypes")
                        + ", tracks[2].id: 'fit-warm-up' is used by an earlier track (tracks[1])",
                "line " + lineOf(yaml, "OTHER") + ", tracks[3].serves.reasons[1]: OTHER is not nurtured; use [LOW_SCORE, NOT_A_FIT, STALE, CLOSER_REJECTED]",
                "line " + lineOf(yaml, "quietHours:") + ", tracks[5].quietHours: from and to are both 20:00; the window would be empty or the whole day"),
                problems);
    }

    @Test
    void shouldRequireACatchAllTrackForEveryReason() {
        List<String> problems = problems(TestRules.YAML.replace("serves: {reasons: [LOW_SCORE, STALE]}", "serves: {reasons: [LOW_SCORE]}"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line " + lineOf(TestRules.YAML, "tracks:") + ", tracks: no track takes every STALE lead"), problems.toString());
    }

    @Test
    void shouldNameAMissingSection() {
        String withoutReenrollment = TestRules.YAML.replace("reenrollment: {coolDown: 7d, maxCycles: 3}\n", "");
        String withoutTracks = TestRules.YAML.substring(0, TestRules.YAML.indexOf("tracks:"));

        assertEquals(List.of(new RuleProblem("reenrollment", 0, "is required, with coolDown (e.g. 7d) and maxCycles (e.g. 3)")),
                problemsOf(withoutReenrollment));
        assertEquals(List.of(new RuleProblem("tracks", 0, "at least one track is required")), problemsOf(withoutTracks));
        assertEquals(List.of("line " + lineOf(TestRules.YAML, "reenrollment:") + ", reenrollment.maxCycles: is required, a whole number of at least 1"),
                problems(TestRules.YAML.replace("coolDown: 7d, maxCycles: 3", "coolDown: 7d")));
        assertEquals(List.of(new RuleProblem("(top level)", 1, "the document is empty")), problemsOf("  \n"));
    }

    @Test
    void shouldNameTheLineOfBrokenYaml() {
        List<String> problems = problems("reenrollment: {coolDown: 7d\ntracks: [");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line "), problems.toString());
    }

    @Test
    void shouldNameTheSourceInTheMessage() {
        InvalidRulesException e = assertThrows(InvalidRulesException.class,
                () -> NurtureRuleSet.rules(TestRules.YAML.replace("maxCycles: 3", "maxCycles: 0").getBytes(StandardCharsets.UTF_8), "test.yaml"));

        assertEquals("test.yaml", e.source());
        assertTrue(e.getMessage().startsWith("test.yaml is not valid:"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, reenrollment.maxCycles: must be a whole number of at least 1"), e.getMessage());
    }

    private static String shippedWith(String target, String replacement) {
        try {
            String shipped = Files.readString(SHIPPED);
            assertTrue(shipped.contains(target), target);
            return shipped.replace(target, replacement);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The 1-based line on which {@code needle} first appears in {@code yaml}. */
    private static int lineOf(String yaml, String needle) {
        int at = yaml.indexOf(needle);
        assertTrue(at >= 0, "no «" + needle + "» in the document");
        return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<String> problems(String yaml) {
        return problemsOf(yaml).stream().map(RuleProblem::toString).toList();
    }

    private static List<RuleProblem> problemsOf(String yaml) {
        return assertThrows(InvalidRulesException.class, () -> NurtureRuleSet.rules(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"))
                .problems();
    }
}
