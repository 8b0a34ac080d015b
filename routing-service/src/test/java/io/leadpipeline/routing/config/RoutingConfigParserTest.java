package io.leadpipeline.routing.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Proves routing.yaml is validated at start-up with messages naming the bad line or entry, that the shipped default
 * is valid, and that the shipped default hands a lead to someone at every hour of the week.
 */
class RoutingConfigParserTest {

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

    private static String invalid(String yaml) {
        return assertThrows(InvalidRoutingConfigException.class, () -> RoutingConfigParser.parse(yaml, "routing.yaml")).getMessage();
    }

    @Test
    void shouldReadAValidFile() {
        RoutingRules rules = RoutingConfigParser.parse(VALID, "routing.yaml");

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

        assertTrue(message.contains("pools[0].members[0]: unknown closer 'bob'"), message);
    }

    @Test
    void shouldRefuseIdsThatAreNotPlainTokens() {
        String message = invalid(VALID.replace("{id: ava,", "{id: \"ava|x\",").replace("{id: emea,", "{id: \"em ea\","));

        assertTrue(message.contains("closers[0].id: 'ava|x' must be 1-64 letters, digits"), message);
        assertTrue(message.contains("pools[0].id: 'em ea' must be 1-64 letters, digits"), message);
    }

    @Test
    void shouldRequireACatchAllRule() {
        String message = invalid(VALID.replace("  - {id: everyone-else, pool: managers}\n", ""));

        assertTrue(message.contains("rules: a catch-all rule"), message);
    }

    @Test
    void shouldRefuseRulesAfterTheCatchAll() {
        String message = invalid(VALID + "  - {id: too-late, pool: emea, when: {countries: [US]}}\n");

        assertTrue(message.contains("rules[2]: comes after the catch-all rules[1]"), message);
    }

    @Test
    void shouldNameEveryBadEntryAtOnce() {
        String message = invalid(VALID.replace("Europe/London", "Europe/Londn").replace("strategy: ROUND_ROBIN", "strategy: RANDOM")
                .replace("escalationPool: managers", "escalationPool: nobody").replace("[DEMO_REQUEST]", "[DEMO]")
                .replace("regions: [EMEA]", "regions: [LATAM]").replace("min: 10, max: 500", "min: 600, max: 500"));

        assertTrue(message.contains("closers[0].timezone: unknown time zone 'Europe/Londn'"), message);
        assertTrue(message.contains("pools[0].strategy: 'RANDOM' is not one of [ROUND_ROBIN, LOAD_BALANCED, WEIGHTED]"), message);
        assertTrue(message.contains("escalationPool: unknown pool 'nobody'"), message);
        assertTrue(message.contains("rules[0].when.formTypes[0]: 'DEMO' is not one of"), message);
        assertTrue(message.contains("rules[0].when.regions[0]: unknown region 'LATAM'"), message);
        assertTrue(message.contains("rules[0].when.companySize: min 600 is above max 500"), message);
    }

    @Test
    void shouldNameTheLineOfAParseError() {
        String message = invalid(VALID.replace("maxAttempts: 2", "maxAttempts: [2"));

        assertTrue(message.matches("(?s).*routing\\.yaml: line \\d+, column \\d+:.*"), message);
    }

    @Test
    void shouldNameAnUnknownKey() {
        String message = invalid(VALID.replace("capacity: 50", "capacity: 50, weigth: 2"));

        assertTrue(message.contains("weigth"), message);
    }

    @Test
    void shouldReadAnEditedFileFromTheConfigDirInsteadOfTheDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RoutingRulesLoader.FILE_NAME), VALID);

        assertEquals(Duration.ofHours(2), RoutingRulesLoader.load(Optional.of(dir)).sla());
        assertEquals(Duration.ofHours(4), RoutingRulesLoader.load(Optional.of(dir.resolve("elsewhere"))).sla(), "no file there: defaults");
    }

    @Test
    void shouldShipADefaultThatHandsOffALeadAtEveryHourOfTheWeek() {
        RoutingRules shipped = RoutingRulesLoader.load(Optional.empty());
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
