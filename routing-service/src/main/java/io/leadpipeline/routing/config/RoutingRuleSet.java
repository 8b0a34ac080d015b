package io.leadpipeline.routing.config;

import java.util.List;

import io.leadpipeline.routing.domain.RoutingDocument;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.rules.RuleSet;
import io.leadpipeline.service.rules.RulesReader;
import io.leadpipeline.service.security.Roles;

/**
 * The routing rule set (config/routing.yaml, key {@code routing} on lead.rules): read and checked by the rules kit,
 * compiled into the rules the desk applies. Sales ops (and admin) may change it.
 */
public final class RoutingRuleSet {

    public static final String NAME = "routing";
    public static final String FILE_NAME = "routing.yaml";
    public static final RuleSet<RoutingRules> RULE_SET = new RuleSet<>(NAME, FILE_NAME, List.of(Roles.SALES_OPS),
            RoutingRuleSet::rules);

    private RoutingRuleSet() {
    }

    /**
     * Reads and validates a routing document.
     *
     * @throws io.leadpipeline.service.rules.InvalidRulesException naming the line and path of every problem
     */
    public static RoutingRules rules(byte[] document, String source, String version) {
        return RulesReader.read(document, source, RoutingDocument.class).compile(version);
    }

    public static RoutingRules rules(byte[] document, String source) {
        return RULE_SET.read(document, source);
    }

    /** The shipped config/routing.yaml (the jar's copy). */
    public static RoutingRules defaults() {
        return RULE_SET.builtIn();
    }
}
