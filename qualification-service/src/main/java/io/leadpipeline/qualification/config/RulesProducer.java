package io.leadpipeline.qualification.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.service.config.PipelineSettings;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RulesTopic;
import io.quarkus.runtime.Startup;

/**
 * The live scoring rules: the latest version on lead.rules (seeded from scoring.yaml on a first start), swapped in
 * without a restart. The topology needs them at start-up, so a bad seed file stops the service naming its line.
 */
@ApplicationScoped
public class RulesProducer {

    @Produces
    @Singleton
    @Startup
    LiveRules<Qualification> scoringRules(RulesTopic rulesTopic, PipelineSettings pipeline) {
        return rulesTopic.register(ScoringRuleSet.RULE_SET, RuleFiles.seed(pipeline.configDir(), ScoringRuleSet.FILE_NAME));
    }
}
