package io.leadpipeline.capture.config;

import java.util.List;

import io.leadpipeline.capture.domain.CaptureDocument;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.service.rules.RuleSet;
import io.leadpipeline.service.rules.RulesReader;
import io.leadpipeline.service.security.Roles;

/**
 * The capture rule set (config/capture.yaml, key {@code capture} on lead.rules): sites, forms, API keys, spam rules,
 * rate limits and idempotency, read and checked by the rules kit and compiled into the {@link CaptureRules} capture
 * applies. Marketing ops (and admin) may change it.
 */
public final class CaptureRuleSet {

    public static final String NAME = "capture";
    public static final String FILE_NAME = "capture.yaml";
    public static final RuleSet<CaptureRules> RULE_SET = new RuleSet<>(NAME, FILE_NAME, List.of(Roles.MARKETING_OPS),
            CaptureRuleSet::rules);

    private CaptureRuleSet() {
    }

    /**
     * Reads and validates a capture document.
     *
     * @throws io.leadpipeline.service.rules.InvalidRulesException naming the line and path of every problem
     */
    public static CaptureRules rules(byte[] document, String source, String version) {
        return RulesReader.read(document, source, CaptureDocument.class).compile(version);
    }

    public static CaptureRules rules(byte[] document, String source) {
        return RULE_SET.read(document, source);
    }

    /** The shipped config/capture.yaml (the jar's copy). */
    public static CaptureRules defaults() {
        return RULE_SET.builtIn();
    }
}
