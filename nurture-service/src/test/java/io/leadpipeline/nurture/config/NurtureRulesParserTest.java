package io.leadpipeline.nurture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.nurture.TestRules;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.domain.QuietHours;
import io.leadpipeline.nurture.domain.Step;

/** Proves the nurture YAML is read as written and that every bad entry stops start-up with its path named. */
class NurtureRulesParserTest {

    @Test
    void shouldReadTracksStepsQuietHoursReenrollmentAndTimezones() {
        NurtureRules rules = TestRules.rules();
        var nurture = rules.track("nurture").orElseThrow();
        assertEquals(List.of(new Step(Duration.ZERO, "nurture-1", TouchChannel.EMAIL), new Step(Duration.ofDays(2), "nurture-2", TouchChannel.EMAIL),
                new Step(Duration.ofDays(3), "nurture-3", TouchChannel.EMAIL)), nurture.steps());
        assertEquals(Optional.of(new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0))), nurture.quietHours());
        assertEquals(Duration.ofDays(7), rules.reenrollment().coolDown());
        assertEquals(3, rules.reenrollment().maxCycles());
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), rules.timezoneOf("de"));
        assertEquals(Optional.empty(), rules.timezoneOf("ZZ"));
        assertEquals(Optional.empty(), rules.timezoneOf(null));
    }

    @Test
    void shouldShipValidRulesWithARecycleTrack() {
        NurtureRules shipped = TestRules.shipped();
        assertTrue(shipped.track("recycle").isPresent());
        assertTrue(shipped.tracks().stream().allMatch(track -> track.steps().get(0).after().isZero()),
                "every shipped track sends its first email right away");
    }

    @Test
    void shouldReadTheFileInTheConfigDirInsteadOfTheDefaults(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("nurture.yaml"), TestRules.YAML);
        assertEquals(TestRules.rules(), NurtureRulesProducer.load(Optional.of(dir)));
        assertEquals(TestRules.shipped(), NurtureRulesProducer.load(Optional.of(dir.resolve("elsewhere"))));
    }

    @Test
    void shouldNameTheLineOfAParseError() {
        assertProblem("reenrollment: {coolDown: 7d\ntracks: [", "line ");
    }

    @Test
    void shouldNameABadDelay() {
        assertProblem(TestRules.YAML.replace("{after: 2d, template: nurture-2", "{after: 2x, template: nurture-2"),
                "tracks[5].steps[1].after: '2x' is not a delay like 30m, 12h or 3d");
    }

    @Test
    void shouldRefuseToNurtureDisqualifiedLeads() {
        assertProblem(TestRules.YAML.replace("reasons: [LOW_SCORE, STALE]", "reasons: [LOW_SCORE, DISQUALIFIED_COMPETITOR, STALE]"),
                "tracks[3].serves.reasons[1]: unknown value 'DISQUALIFIED_COMPETITOR'");
        assertProblem(TestRules.YAML.replace("reasons: [LOW_SCORE, STALE]", "reasons: [LOW_SCORE, OTHER, STALE]"),
                "tracks[3].serves.reasons: OTHER is not nurtured");
    }

    @Test
    void shouldRequireARecycleTrackForClosersRejections() {
        assertProblem(TestRules.YAML.replace("reasons: [CLOSER_REJECTED]", "reasons: [CLOSER_REJECTED], grades: [A]"),
                "tracks: no track takes every CLOSER_REJECTED lead");
    }

    @Test
    void shouldNameAnUnknownChannelGradeFormTypeTimezoneAndDuplicateId() {
        assertProblem(TestRules.YAML.replace("template: fit-1, channel: EMAIL", "template: fit-1, channel: SMS"),
                "tracks[1].steps[0].channel: unknown channel 'SMS'");
        assertProblem(TestRules.YAML.replace("grades: [A, B]", "grades: [A, E]"), "tracks[1].serves.grades[1]: unknown value 'E'");
        assertProblem(TestRules.YAML.replace("formTypes: [WEBINAR_REGISTRATION]", "formTypes: [WEBINAR]"),
                "tracks[2].serves.formTypes[0]: unknown value 'WEBINAR'");
        assertProblem(TestRules.YAML.replace("DE: Europe/Berlin", "DE: Europe/Bonn"), "countryTimezones.DE: unknown time zone 'Europe/Bonn'");
        assertProblem(TestRules.YAML.replace("id: webinar", "id: fit-warm-up"), "tracks[2].id: 'fit-warm-up' is used by an earlier track");
    }

    @Test
    void shouldNameBadQuietHoursReenrollmentAndUnknownKeys() {
        assertProblem(TestRules.YAML.replace("to: \"08:00\"", "to: \"8 am\""), "tracks[5].quietHours.to: '8 am' is not a time like \"20:00\"");
        assertProblem(TestRules.YAML.replace("maxCycles: 3", "maxCycles: 0"), "reenrollment.maxCycles: must be a whole number of at least 1");
        assertProblem(TestRules.YAML.replace("serves: {reasons: [NOT_A_FIT]}", "serve: {reasons: [NOT_A_FIT]}"),
                "tracks[5].serve: unknown key");
        assertProblem(TestRules.YAML.replace("  - id: recycle\n    serves: {reasons: [CLOSER_REJECTED]}\n    steps:\n      - {after: 1h, template: recycle-1, channel: EMAIL}\n      - {after: 10d, template: recycle-2, channel: EMAIL}\n",
                "  - id: recycle\n    serves: {reasons: [CLOSER_REJECTED]}\n    steps: []\n"), "tracks[0].steps: at least one step is required");
    }

    private static void assertProblem(String yaml, String expected) {
        InvalidNurtureRulesException e = assertThrows(InvalidNurtureRulesException.class, () -> NurtureRulesParser.parse(yaml, "test.yaml"));
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in:\n" + e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid nurture rules in test.yaml"), e.getMessage());
    }
}
