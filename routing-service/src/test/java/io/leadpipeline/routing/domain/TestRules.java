package io.leadpipeline.routing.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small routing models for the unit tests. */
public final class TestRules {

    public static final WorkingHours OFFICE = new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 9 * 60, 17 * 60);

    private TestRules() {
    }

    public static CloserProfile alwaysOn(String id, int capacity) {
        return closer(id, ZoneOffset.UTC, WorkingHours.ALWAYS, capacity, 1);
    }

    public static CloserProfile weighted(String id, int weight) {
        return closer(id, ZoneOffset.UTC, WorkingHours.ALWAYS, 1_000_000, weight);
    }

    public static CloserProfile closer(String id, ZoneId zone, WorkingHours hours, int capacity, int weight) {
        return new CloserProfile(id, "Name of " + id, id + "@sales.example", "team", zone, hours, capacity, weight, true);
    }

    public static Pool pool(String id, PoolStrategy strategy, String... members) {
        return new Pool(id, strategy, List.of(members), OffHours.WAIT, null);
    }

    public static Rule catchAll(String pool) {
        return new Rule("catch-all", RuleConditions.ANY, pool);
    }

    /** Rules with an escalation pool "escalation" of one always-on manager, an SLA of 4 h and 3 attempts. */
    public static RoutingRules rules(List<CloserProfile> closers, List<Pool> pools, List<Rule> rules) {
        Map<String, CloserProfile> byId = new LinkedHashMap<>();
        closers.forEach(closer -> byId.put(closer.id(), closer));
        byId.put("manager", alwaysOn("manager", 1000));
        Map<String, Pool> poolsById = new LinkedHashMap<>();
        pools.forEach(pool -> poolsById.put(pool.id(), pool));
        poolsById.putIfAbsent("escalation", pool("escalation", PoolStrategy.ROUND_ROBIN, "manager"));
        return new RoutingRules(byId, poolsById, rules, Duration.ofHours(4), 3, "escalation", true, Set.of("gmail.com"));
    }

    /** One pool "sales" of the given closers with the given strategy, and a catch-all to it. */
    public static RoutingRules onePool(PoolStrategy strategy, CloserProfile... closers) {
        return rules(List.of(closers), List.of(pool("sales", strategy, java.util.Arrays.stream(closers).map(CloserProfile::id).toArray(String[]::new))),
                List.of(catchAll("sales")));
    }

    public static LeadFacts lead(String domain) {
        return new LeadFacts("US", 500, "software", null, null, domain);
    }
}
