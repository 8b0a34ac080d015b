package io.leadpipeline.routing.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated routing model (built from routing.yaml): closers, pools, ordered rules ending in a catch-all, the
 * escalation pool, the SLA and how many unanswered attempts a lead gets before it escalates; {@code version} is the
 * rules version every handoff made under them carries.
 */
public record RoutingRules(Map<String, CloserProfile> closers, Map<String, Pool> pools, List<Rule> rules, Duration sla,
        int maxAttempts, String escalationPool, boolean accountMatching, Set<String> accountMatchingIgnoredDomains,
        String version) {

    /** Rules that come from no published document (the domain's tests). */
    public static final String UNVERSIONED = "unversioned";

    public RoutingRules(Map<String, CloserProfile> closers, Map<String, Pool> pools, List<Rule> rules, Duration sla,
            int maxAttempts, String escalationPool, boolean accountMatching, Set<String> accountMatchingIgnoredDomains) {
        this(closers, pools, rules, sla, maxAttempts, escalationPool, accountMatching, accountMatchingIgnoredDomains, UNVERSIONED);
    }

    public RoutingRules {
        closers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(closers));
        pools = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pools));
        rules = List.copyOf(rules);
        accountMatchingIgnoredDomains = Set.copyOf(accountMatchingIgnoredDomains);
        if (rules.isEmpty() || !rules.get(rules.size() - 1).when().isCatchAll()) {
            throw new IllegalArgumentException("the last rule must be a catch-all (a rule without conditions)");
        }
    }

    /** The first rule the lead matches; the catch-all guarantees there is one. */
    public Rule ruleFor(LeadFacts lead) {
        return rules.stream().filter(rule -> rule.when().matches(lead)).findFirst().orElseThrow();
    }

    public Pool pool(String id) {
        Pool pool = pools.get(id);
        if (pool == null) {
            throw new IllegalArgumentException("unknown pool " + id);
        }
        return pool;
    }

    public Optional<CloserProfile> closer(String id) {
        return Optional.ofNullable(closers.get(id));
    }

    /** The company domain account matching keys on, or empty when matching is off or the domain is a free-mail one. */
    public Optional<String> accountDomain(LeadFacts lead) {
        if (!accountMatching || lead.companyDomain() == null || accountMatchingIgnoredDomains.contains(lead.companyDomain())) {
            return Optional.empty();
        }
        return Optional.of(lead.companyDomain());
    }
}
