package io.leadpipeline.capture.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.service.config.PipelineSettings;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RulesTopic;
import io.quarkus.runtime.Startup;

/**
 * The live capture rules: the latest version on lead.rules (seeded from capture.yaml on a first start), swapped in
 * without a restart; every request reads {@link LiveRules#get()} once and is decided under that one version. A bad
 * seed file stops the service naming its line.
 */
@ApplicationScoped
public class RulesProducer {

    @Produces
    @Singleton
    @Startup
    LiveRules<CaptureRules> captureRules(RulesTopic rulesTopic, PipelineSettings pipeline) {
        return rulesTopic.register(CaptureRuleSet.RULE_SET, RuleFiles.seed(pipeline.configDir(), CaptureRuleSet.FILE_NAME));
    }
}
