package io.leadpipeline.nurture.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.config.PipelineSettings;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RulesTopic;
import io.quarkus.runtime.Startup;

/**
 * The live nurture rules: the latest version on lead.rules (key {@code nurture}), swapped in without a restart. On a
 * first start the topic has none yet and the seed is published: {@code ${pipeline.config-dir}/nurture.yaml} when that
 * property is set and the file exists, else the built-in copy of config/nurture.yaml. The topology needs the rules at
 * start-up, so a seed that does not validate stops the service naming the line and path of every problem.
 */
@ApplicationScoped
public class NurtureRulesProducer {

    @Produces
    @Singleton
    @Startup
    LiveRules<NurtureRules> nurtureRules(RulesTopic rulesTopic, PipelineSettings pipeline) {
        return rulesTopic.register(NurtureRuleSet.RULE_SET, RuleFiles.seed(pipeline.configDir(), NurtureRuleSet.FILE_NAME));
    }
}
