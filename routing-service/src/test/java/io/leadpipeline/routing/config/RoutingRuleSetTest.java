package io.leadpipeline.routing.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.routing.domain.DeskDriver;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.domain.LeadFacts;
import io.leadpipeline.routing.domain.PoolStrategy;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.rules.InvalidRulesException;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RuleProblem;
import io.leadpipeline.service.rules.RulesVersion;

/**
 * Proves routing.yaml loads through the rules kit: every problem named with its line and path, the shipped file valid
 * and unchanged (ISO durations such as PT4H and short ones such as 4h both read), and the shipped rules hand a lead
 * to someone at every hour of the week.
 */
class RoutingRuleSetTest {

    private static final String VALID = """
            sla: PT2H
            maxAttempts: 2
            escalationPool: managers
            regions:
              EMEA: [GB, DE]
            closers:
              - {id: ava, name: Ava, email: ava@x.example, timezone: Europe/London, workingHours: {days: [MON-FRI], from: "09:00", to: "17:00"}, capacity: 5}
              - {id: max, name: Max, email: max@x.example, timezone: UTC, workingHours: always, capacity: 50, weight: 2}
            pools:
              - {id: emea, strategy: ROUND_ROBIN, members: [ava], offHours: OVERFLOW, overflowPool: managers}
              - {id: managers, strategy: LOAD_BALANCED, members: [max]}
            rules:
              - id: emea-demos
                when: {regions: [EMEA], formTypes: [DEMO_REQUEST], companySize: {min: 10, max: 500}, grades: [A]}
                pool: emea
              - {id: everyone-else, pool: managers}
            """;

    /** Every problem, one per line, as "line N, path: message". */
    private static String invalid(String yaml) {
        return String.join("\n", assertThrows(InvalidRulesException.class,
                () -> RoutingRuleSet.rules(yaml.getBytes(StandardCharsets.UTF_8), "routing.yaml")).problems().stream()
                .map(RuleProblem::toString).toList());
    }

    private static RoutingRules parse(String yaml) {
        return RoutingRuleSet.rules(yaml.getBytes(StandardCharsets.UTF_8), "routing.yaml");
    }

    @Test
    void shouldReadAValidFile() {
        RoutingRules rules = parse(VALID);

        assertEquals(Duration.ofHours(2), rules.sla());
        assertEquals(2, rules.maxAttempts());
        assertEquals(PoolStrategy.LOAD_BALANCED, rules.pool("managers").strategy());
        assertEquals(2, rules.closer("max").orElseThrow().weight());
        assertEquals("emea-demos", rules.ruleFor(new LeadFacts("de", 50, null, FormType.DEMO_REQUEST, Grade.A, null)).id());
        assertEquals("everyone-else", rules.ruleFor(new LeadFacts("US", 50, null, FormType.DEMO_REQUEST, Grade.A, null)).id());
    }

    @Test
    void shouldNameAnUnknownPoolMember() {
        String message = invalid(VALID.replace("members: [ava]", "members: [bob]"));

        assertTrue(message.matches("line 10, pools\\[0\\]\\.members\\[0\\]: unknown closer 'bob'"), message);
    }

    @Test
    void shouldRefuseIdsThatAreNotPlainTokens() {
        String message = invalid(VALID.replace("{id: ava,", "{id: \"ava|x\",").replace("{id: emea,", "{id: \"em ea\","));

        assertTrue(message.contains("line 7, closers[0].id: must be 1-64 letters, digits"), message);
        assertTrue(message.contains("line 10, pools[0].id: must be 1-64 letters, digits"), message);
    }

    @Test
    void shouldRequireACatchAllRule() {
        String message = invalid(VALID.replace("  - {id: everyone-else, pool: managers}\n", ""));

        assertTrue(message.contains("rules: a catch-all rule"), message);
    }

    @Test
    void shouldRefuseRulesAfterTheCatchAll() {
        String message = invalid(VALID + "  - {id: too-late, pool: emea, when: {countries: [US]}}\n");

        assertTrue(message.contains("line 17, rules[2]: comes after the catch-all rules[1]"), message);
    }

    @Test
    void shouldNameEveryBadFieldAtOnceWithItsLine() {
        String message = invalid(VALID.replace("capacity: 5}", "capacity: 0}").replace("weight: 2}", "weight: 0}")
                .replace("email: ava@x.example", "email: ava").replace("EMEA: [GB, DE]", "EMEA: [GB, Germany]")
                .replace("maxAttempts: 2", "maxAttempts: 0"));

        assertEquals(5, message.lines().count(), message);
        assertTrue(message.contains("line 2, maxAttempts: must be at least 1"), message);
        assertTrue(message.contains("line 5, regions.EMEA[1]: is not an ISO-3166 alpha-2 country code"), message);
        assertTrue(message.contains("line 7, closers[0].capacity: must be at least 1"), message);
        assertTrue(message.contains("line 7, closers[0].email: is not an email address"), message);
        assertTrue(message.contains("line 8, closers[1].weight: must be at least 1"), message);
    }

    @Test
    void shouldNameEveryInconsistencyAtOnceWithItsLine() {
        String message = invalid(VALID.replace("Europe/London", "Europe/Londn")
                .replace("escalationPool: managers", "escalationPool: nobody")
                .replace("regions: [EMEA]", "regions: [LATAM]").replace("min: 10, max: 500", "min: 600, max: 500")
                .replace("from: \"09:00\"", "from: \"9am\""));

        assertEquals(5, message.lines().count(), message);
        assertTrue(message.contains("line 3, escalationPool: unknown pool 'nobody'"), message);
        assertTrue(message.contains("line 7, closers[0].timezone: unknown time zone 'Europe/Londn'"), message);
        assertTrue(message.contains("closers[0].workingHours.from: is required, a time of day as \"HH:mm\""), message);
        assertTrue(message.contains("line 14, rules[0].when.regions[0]: unknown region 'LATAM'"), message);
        assertTrue(message.contains("line 14, rules[0].when.companySize: min 600 is above max 500"), message);
    }

    @Test
    void shouldNameAnUnknownChoiceWithTheChoices() {
        assertEquals("line 10, pools[0].strategy: 'RANDOM' is not one of ROUND_ROBIN, LOAD_BALANCED, WEIGHTED",
                invalid(VALID.replace("strategy: ROUND_ROBIN", "strategy: RANDOM")));
        assertTrue(invalid(VALID.replace("[DEMO_REQUEST]", "[DEMO]")).startsWith("line 14, rules[0].when.formTypes[0]: 'DEMO' is not one of"));
    }

    @Test
    void shouldNameTheLineOfAParseError() {
        String message = invalid(VALID.replace("maxAttempts: 2", "maxAttempts: [2"));

        assertTrue(message.startsWith("line "), message);
    }

    @Test
    void shouldNameAnUnknownKeyAndTheKnownOnes() {
        String message = invalid(VALID.replace("capacity: 50", "capacity: 50, weigth: 2"));

        assertTrue(message.startsWith("line 8, closers[1].weigth: unknown entry 'weigth' (known here: active, capacity, email,"), message);
    }

    @Test
    void shouldReadTheOneDurationSyntax() {
        assertEquals(Duration.ofHours(2), parse(VALID.replace("sla: PT2H", "sla: 2h")).sla());
        assertEquals(Duration.ofMinutes(90), parse(VALID.replace("sla: PT2H", "sla: 90m")).sla());
        assertTrue(invalid(VALID.replace("sla: PT2H", "sla: two hours")).startsWith("line 1, sla: "));
        assertEquals("line 1, sla: must be positive, was PT0S", invalid(VALID.replace("sla: PT2H", "sla: 0s")));
    }

    @Test
    void shouldSeedFromAnEditedFileInTheConfigDirInsteadOfTheShippedOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RoutingRuleSet.FILE_NAME), VALID);

        assertEquals(Duration.ofHours(2), RuleFiles.compile(RoutingRuleSet.RULE_SET, RuleFiles.seed(Optional.of(dir), RoutingRuleSet.FILE_NAME)).sla());
        assertEquals(Duration.ofHours(4), RuleFiles.compile(RoutingRuleSet.RULE_SET,
                RuleFiles.seed(Optional.of(dir.resolve("elsewhere")), RoutingRuleSet.FILE_NAME)).sla(), "no file there: the shipped one");
    }

    @Test
    void shouldVersionTheShippedFileByItsHash() throws Exception {
        assertEquals(RulesVersion.of(Files.readAllBytes(Path.of("../config/routing.yaml"))), RoutingRuleSet.defaults().version());
    }

    @Test
    void shouldShipADefaultThatHandsOffALeadAtEveryHourOfTheWeek() {
        RoutingRules shipped = RoutingRuleSet.defaults();
        List<LeadFacts> leads = List.of(
                new LeadFacts("US", 500, null, FormType.DEMO_REQUEST, Grade.A, "acme-robotics.example"), // the README's example
                new LeadFacts("GB", 20, null, FormType.CONTACT_SALES, Grade.B, "initech.example"),
                new LeadFacts("SG", 5000, "software", FormType.DEMO_REQUEST, Grade.A, "globex.example"),
                new LeadFacts(null, null, null, null, null, null));
        Instant monday = Instant.parse("2026-01-05T00:00:00Z");

        for (int halfHour = 0; halfHour < 7 * 48; halfHour++) {
            Instant now = monday.plus(Duration.ofMinutes(30L * halfHour));
            for (LeadFacts lead : leads) {
                List<Handoff> handed = new DeskDriver(shipped).send(lead, now);
                assertEquals(1, handed.size(), "a handoff at " + now + " for " + lead);
                assertTrue(handed.get(0).closerId().startsWith("closer-"));
            }
        }
    }
}
