package io.leadpipeline.nurture.config;

import java.util.List;

import io.leadpipeline.nurture.domain.NurtureDocument;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.rules.RuleSet;
import io.leadpipeline.service.rules.RulesReader;
import io.leadpipeline.service.security.Roles;

/**
 * The nurture rule set (config/nurture.yaml, key {@code nurture} on lead.rules): read and checked by the rules kit,
 * compiled into the tracks, re-enrollment limits and time zones nurture applies. Marketing ops (and admin) may change it.
 */
public final class NurtureRuleSet {

    public static final String NAME = "nurture";
    public static final String FILE_NAME = "nurture.yaml";
    public static final RuleSet<NurtureRules> RULE_SET = new RuleSet<>(NAME, FILE_NAME, List.of(Roles.MARKETING_OPS),
            NurtureRuleSet::rules);

    private NurtureRuleSet() {
    }

    /**
     * Reads and validates a nurture document.
     *
     * @throws io.leadpipeline.service.rules.InvalidRulesException naming the line and path of every problem
     */
    public static NurtureRules rules(byte[] document, String source, String version) {
        return RulesReader.read(document, source, NurtureDocument.class).toRules(version);
    }

    public static NurtureRules rules(byte[] document, String source) {
        return RULE_SET.read(document, source);
    }

    /** The shipped config/nurture.yaml (the jar's copy). */
    public static NurtureRules defaults() {
        return RULE_SET.builtIn();
    }
}
