package io.leadpipeline.routing.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.config.PipelineSettings;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RulesTopic;
import io.quarkus.runtime.Startup;

/**
 * The live routing rules (the latest version on lead.rules, seeded from routing.yaml on a first start, swapped in
 * without a restart; a bad seed file stops the start naming its line) and the clock the HTTP views use.
 */
@ApplicationScoped
public class RoutingRulesProducer {

    @Produces
    @Singleton
    @Startup
    LiveRules<RoutingRules> rules(RulesTopic rulesTopic, PipelineSettings pipeline) {
        return rulesTopic.register(RoutingRuleSet.RULE_SET, RuleFiles.seed(pipeline.configDir(), RoutingRuleSet.FILE_NAME));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
