package io.leadpipeline.routing.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.config.PipelineSettings;
import io.quarkus.runtime.StartupEvent;

/** The routing rules (validated at start-up: a bad file stops the service) and the clock the HTTP views use. */
@ApplicationScoped
public class RoutingRulesProducer {

    private static final Logger LOG = Logger.getLogger(RoutingRulesProducer.class);

    @Produces
    @Singleton
    RoutingRules rules(PipelineSettings pipeline) {
        RoutingRules rules = RoutingRulesLoader.load(pipeline.configDir());
        LOG.infof("Routing rules: %d closers, %d pools, %d rules", rules.closers().size(), rules.pools().size(), rules.rules().size());
        return rules;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Reading the rules at start-up, not at first use, makes an invalid file fail the start with its message. */
    void validateAtStartUp(@Observes StartupEvent event, RoutingRules rules) {
        LOG.debugf("Routing rules validated; catch-all rule '%s'", rules.rules().get(rules.rules().size() - 1).id());
    }
}
