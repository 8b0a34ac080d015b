package io.leadpipeline.qualification.config;

import java.util.List;

import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.qualification.domain.scoring.ScoringDocument;
import io.leadpipeline.qualification.domain.scoring.ScoringRules;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RuleSet;
import io.leadpipeline.service.rules.RulesReader;
import io.leadpipeline.service.rules.RulesVersion;
import io.leadpipeline.service.security.Roles;

/**
 * The scoring rule set (config/scoring.yaml, key {@code scoring} on lead.rules): read and checked by the rules kit,
 * compiled into the stage machine qualification applies. Marketing ops (and admin) may change it.
 */
public final class ScoringRuleSet {

    public static final String NAME = "scoring";
    public static final String FILE_NAME = "scoring.yaml";
    public static final RuleSet<Qualification> RULE_SET = new RuleSet<>(NAME, FILE_NAME, List.of(Roles.MARKETING_OPS),
            (document, source, version) -> new Qualification(rules(document, source, version)));

    private ScoringRuleSet() {
    }

    /**
     * Reads and validates a scoring document.
     *
     * @throws io.leadpipeline.service.rules.InvalidRulesException naming the line and path of every problem
     */
    public static ScoringRules rules(byte[] document, String source, String version) {
        return ScoringRules.compile(RulesReader.read(document, source, ScoringDocument.class), version);
    }

    public static ScoringRules rules(byte[] document, String source) {
        return rules(document, source, RulesVersion.of(document));
    }

    /** The shipped config/scoring.yaml (the jar's copy). */
    public static ScoringRules defaults() {
        RuleFiles.Seed seed = RuleFiles.builtIn(FILE_NAME);
        return rules(seed.document(), seed.source());
    }
}
