package io.leadpipeline.service.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.junit.jupiter.api.Test;

class RulesReaderTest {

    enum Channel { EMAIL, PHONE }

    record Roster(@NotEmpty @Valid List<Pool> pools, @NotNull Duration sla, Map<String, @NotNull @PositiveOrZero Integer> weights)
            implements RuleChecks {
        @Override
        public void check(Problems problems) {
            problems.unique(pools, Pool::name, "pools", "name");
            for (int p = 0; p < pools.size(); p++) {
                for (int m = 0; m < pools.get(p).members().size(); m++) {
                    String member = pools.get(p).members().get(m);
                    if (!weights.containsKey(member)) {
                        problems.add("pools[" + p + "].members[" + m + "]", "unknown closer '" + member + "'");
                    }
                }
            }
        }
    }

    record Pool(@NotBlank String name, @NotEmpty List<@NotBlank String> members, Channel channel) {
    }

    private static Roster read(String yaml) {
        return RulesReader.read(yaml.getBytes(StandardCharsets.UTF_8), "roster.yaml", Roster.class);
    }

    private static List<String> problems(String yaml) {
        return assertThrows(InvalidRulesException.class, () -> read(yaml)).problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void shouldBindAValidDocumentWithBothDurationSyntaxes() {
        Roster roster = read("pools:\n  - {name: a, members: [x], channel: EMAIL}\nsla: 4h\nweights: {x: 1}\n");
        assertEquals(Duration.ofHours(4), roster.sla());
        assertEquals(Duration.ofHours(4), read("pools:\n  - {name: a, members: [x]}\nsla: PT4H\nweights: {x: 1}\n").sla());
        assertEquals(Duration.ofDays(14), RuleDurations.parse("14d"));
        assertEquals(Duration.ofSeconds(10), RuleDurations.parse("10s"));
        assertEquals(Duration.ofDays(14), RuleDurations.parse("P14D"));
        assertThrows(IllegalArgumentException.class, () -> RuleDurations.parse("10 parsecs"));
    }

    @Test
    void shouldNameTheLineAndPathOfACrossFieldProblem() {
        assertEquals(List.of("line 5, pools[1].members[0]: unknown closer 'closer-zed'"),
                problems("pools:\n  - name: a\n    members: [x]\n  - name: b\n    members: [closer-zed]\nsla: 4h\nweights: {x: 1}\n"));
    }

    @Test
    void shouldReportEveryConstraintViolationWithItsLine() {
        List<String> found = problems("pools:\n  - name: ''\n    members: [x, '']\nweights: {x: -1}\n");
        // A top-level entry left out has no line to point at.
        assertEquals(List.of("sla: must not be null", "line 2, pools[0].name: must not be blank",
                "line 3, pools[0].members[1]: must not be blank", "line 4, weights.x: must be greater than or equal to 0"), found);
    }

    @Test
    void shouldRefuseUnknownAndDuplicateKeysAndBadValuesNamingTheLine() {
        List<String> unknown = problems("pools:\n  - {name: a, members: [x], colour: red}\nsla: 4h\nweights: {x: 1}\n");
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).startsWith("line 2, pools[0].colour: unknown entry 'colour' (known here: channel, members, name)"),
                unknown.get(0));
        List<String> duplicate = problems("sla: 4h\nsla: 5h\n");
        assertTrue(duplicate.get(0).startsWith("line 2, "), duplicate.toString());
        assertTrue(duplicate.get(0).contains("sla"), duplicate.toString());
        assertEquals(List.of("line 2, pools[0].channel: 'FAX' is not one of EMAIL, PHONE"),
                problems("pools:\n  - {name: a, members: [x], channel: FAX}\nsla: 4h\nweights: {x: 1}\n"));
        List<String> duration = problems("pools:\n  - {name: a, members: [x]}\nsla: soon\nweights: {x: 1}\n");
        assertTrue(duration.get(0).startsWith("line 3, sla: ") && duration.get(0).contains("10s, 5m, 4h, 14d"), duration.toString());
        assertEquals(List.of("line 1, (top level): the document is empty"), problems(""));
    }

    @Test
    void shouldDescribeWhatChangedBetweenTwoVersions() {
        assertEquals(List.of("sla: 4h -> 2h", "pools[0].members: [\"x\"] -> [\"x\",\"y\"]", "weights.y: added 2"),
                RuleChanges.between("sla: 4h\npools:\n  - {name: a, members: [x]}\nweights: {x: 1}\n",
                        "sla: 2h\npools:\n  - {name: a, members: [x, y]}\nweights: {x: 1, y: 2}\n"));
        assertEquals(RulesVersion.of("a: 1".getBytes(StandardCharsets.UTF_8)), RulesVersion.of("a: 1".getBytes(StandardCharsets.UTF_8)));
        assertTrue(RulesVersion.of("a: 1".getBytes(StandardCharsets.UTF_8)).matches("sha256:[0-9a-f]{16}"));
    }

    @Test
    void shouldNameTheKeysOwnLineRefuseNonWholeNumbersAndCallACommentOnlyDocumentEmpty() {
        List<String> unknown = problems("pools:\n  - name: a\n    colours:\n      - red\n      - blue\n    members: [x]\nsla: 4h\nweights: {x: 1}\n");
        assertEquals(1, unknown.size(), unknown.toString());
        assertTrue(unknown.get(0).startsWith("line 3, pools[0].colours: unknown entry 'colours'"), unknown.toString());

        assertTrue(problems("pools:\n  - {name: a, members: [x]}\nsla: 4h\nweights: {x: 1.5}\n").get(0).startsWith("line 4, weights.x"));
        assertTrue(problems("pools:\n  - {name: a, members: [x]}\nsla: 4h\nweights: {x: \"3\"}\n").get(0).startsWith("line 4, weights.x"));
        assertEquals(List.of("line 1, (top level): the document is empty"), problems("# only a comment\n\n# and another\n"));
    }
}
