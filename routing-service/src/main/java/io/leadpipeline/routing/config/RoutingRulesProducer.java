package io.leadpipeline.routing.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.routing.domain.RoutingRules;
import io.quarkus.runtime.StartupEvent;

/** The routing rules (validated at start-up: a bad file stops the service) and the clock the HTTP views use. */
@ApplicationScoped
public class RoutingRulesProducer {

    private static final Logger LOG = Logger.getLogger(RoutingRulesProducer.class);

    @Produces
    @Singleton
    RoutingRules rules(@ConfigProperty(name = "pipeline.config-dir") Optional<Path> configDir) {
        RoutingRules rules = RoutingRulesLoader.load(configDir);
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
