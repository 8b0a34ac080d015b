package io.leadpipeline.qualification.config;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.qualification.domain.scoring.ScoringRules;
import io.leadpipeline.service.config.PipelineSettings;

/**
 * The scoring rules and the stage machine built on them, once per service. The topology needs them at start-up, so
 * a bad rules file stops the service with a message naming the bad entry.
 */
@ApplicationScoped
public class RulesProducer {

    private static final Logger LOG = Logger.getLogger(RulesProducer.class);

    @Produces
    @Singleton
    ScoringRules scoringRules(PipelineSettings pipeline) {
        return scoringRules(pipeline.configDir());
    }

    /** The rules from {@code configDir}'s scoring.yaml when it holds one, else the built-in defaults. */
    ScoringRules scoringRules(Optional<Path> configDir) {
        ScoringRules rules = ScoringRulesLoader.load(configDir);
        LOG.infof("Scoring rules %s loaded from %s", rules.version(),
                configDir.map(dir -> dir.resolve(ScoringRulesLoader.FILE_NAME)).filter(java.nio.file.Files::isRegularFile)
                        .map(Path::toString).orElse("the built-in defaults"));
        return rules;
    }

    @Produces
    @Singleton
    Qualification qualification(ScoringRules rules) {
        return new Qualification(rules);
    }
}
