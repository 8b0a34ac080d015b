package io.leadpipeline.routing.domain;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static io.leadpipeline.routing.domain.TestRules.catchAll;
import static io.leadpipeline.routing.domain.TestRules.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;

/** Proves rules are tried in order with the first match winning, each condition narrows, and the catch-all takes the rest. */
class RuleMatchingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final RoutingRules rules = TestRules.rules(
            List.of(alwaysOn("ent", 100), alwaysOn("emea", 100), alwaysOn("demo", 100), alwaysOn("rest", 100)),
            List.of(pool("enterprise", PoolStrategy.ROUND_ROBIN, "ent"), pool("emea", PoolStrategy.ROUND_ROBIN, "emea"),
                    pool("demos", PoolStrategy.ROUND_ROBIN, "demo"), pool("general", PoolStrategy.ROUND_ROBIN, "rest")),
            List.of(
                    new Rule("big-software-a", new RuleConditions(Set.of(), 1000, null, Set.of("software"), Set.of(), Set.of(Grade.A)), "enterprise"),
                    new Rule("emea", new RuleConditions(Set.of("GB", "DE"), null, null, Set.of(), Set.of(), Set.of()), "emea"),
                    new Rule("mid-demos", new RuleConditions(Set.of(), 50, 999, Set.of(), Set.of(FormType.DEMO_REQUEST), Set.of()), "demos"),
                    catchAll("general")));

    @Test
    void shouldLetTheFirstMatchingRuleWin() {
        // A big German software company graded A matches both "big-software-a" and "emea": the first one wins.
        assertEquals("big-software-a", rules.ruleFor(new LeadFacts("DE", 5000, "Software", null, Grade.A, null)).id());
        assertEquals("emea", rules.ruleFor(new LeadFacts("DE", 5000, "software", null, Grade.B, null)).id());
    }

    @Test
    void shouldRequireEveryConditionOfARule() {
        assertEquals("mid-demos", rules.ruleFor(new LeadFacts("US", 50, null, FormType.DEMO_REQUEST, Grade.C, null)).id());
        assertEquals("mid-demos", rules.ruleFor(new LeadFacts("US", 999, null, FormType.DEMO_REQUEST, Grade.C, null)).id());
        assertEquals("catch-all", rules.ruleFor(new LeadFacts("US", 1000, null, FormType.DEMO_REQUEST, Grade.C, null)).id(), "above max");
        assertEquals("catch-all", rules.ruleFor(new LeadFacts("US", 49, null, FormType.DEMO_REQUEST, Grade.C, null)).id(), "below min");
        assertEquals("catch-all", rules.ruleFor(new LeadFacts("US", 500, null, FormType.CONTACT_SALES, Grade.C, null)).id(), "other form");
        assertEquals("catch-all", rules.ruleFor(new LeadFacts("US", null, null, FormType.DEMO_REQUEST, Grade.C, null)).id(), "size unknown");
        assertEquals("catch-all", rules.ruleFor(new LeadFacts(null, null, null, null, null, null)).id(), "nothing known");
    }

    @Test
    void shouldRouteTheLeadToThePoolOfTheMatchedRule() {
        DeskDriver driver = new DeskDriver(rules);

        Handoff emea = driver.send(new LeadFacts("gb", 20, null, null, null, null), NOW).get(0);
        Handoff rest = driver.send(new LeadFacts("FR", 20, null, null, null, null), NOW).get(0);

        assertEquals(List.of("emea", "emea", "emea"), List.of(emea.ruleId(), emea.pool(), emea.closerId()));
        assertEquals(List.of("catch-all", "general", "rest"), List.of(rest.ruleId(), rest.pool(), rest.closerId()));
    }

    @Test
    void shouldRefuseRulesWithoutACatchAllLast() {
        var closers = List.of(alwaysOn("ava", 1));
        var pools = List.of(pool("sales", PoolStrategy.ROUND_ROBIN, "ava"));
        var onlyEmea = List.of(new Rule("emea", new RuleConditions(Set.of("GB"), null, null, Set.of(), Set.of(), Set.of()), "sales"));

        assertThrows(IllegalArgumentException.class, () -> TestRules.rules(closers, pools, onlyEmea));
    }

    @Test
    void shouldMatchATenKCompanyToAMinimumOfAThousand() {
        // Routing once read "10k" as 10 employees; the pipeline's one rule reads it as 10,000.
        assertEquals(10000, LeadFacts.companySize("10k"));
        assertEquals("big-software-a", rules.ruleFor(new LeadFacts("US", LeadFacts.companySize("10k"), "software", null, Grade.A, null)).id());
        assertEquals("big-software-a", rules.ruleFor(new LeadFacts("US", LeadFacts.companySize(10000, "10000"), "software", null, Grade.A, null)).id());
    }

    @Test
    void shouldTakeTheRecordedEmployeesAndReadTheTextOnlyForLeadsRecordedBeforeThem() {
        assertEquals(10000, LeadFacts.companySize(10000, "10000"));
        assertEquals(10000, LeadFacts.companySize(null, "10k"));
        assertEquals(51, LeadFacts.companySize(null, "51-200"));
        assertEquals(null, LeadFacts.companySize(null, null), "size unknown");
    }

    @Test
    void shouldReadCompanySizesAsNumbersOrBandLowerBounds() {
        assertEquals(500, LeadFacts.companySize("500"));
        assertEquals(201, LeadFacts.companySize("201-500"));
        assertEquals(5000, LeadFacts.companySize("5000+"));
        assertEquals(1000, LeadFacts.companySize("1,000"));
        assertEquals(null, LeadFacts.companySize("a few"));
    }
}
