package io.leadpipeline.capture.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.leadpipeline.capture.config.CaptureRuleSet;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.service.config.PipelineSettings;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RulesTopic;
import io.leadpipeline.service.rules.RulesVersion;
import io.quarkus.runtime.StartupEvent;

/**
 * Tests only: every test application of a test JVM shares one broker, so lead.rules already holds the capture rules an
 * earlier application seeded (another test profile's capture.yaml, or a website on another port), and the topic wins
 * over a seed file, as in production. Each test application publishes its own capture.yaml as the next version at
 * start, as an operator would ({@code PUT /v1/rules/capture}), and waits until it applies, so its tests run on the file
 * they name.
 */
@ApplicationScoped
public class TestRulesOnTopic {

    private static final Logger LOG = Logger.getLogger(TestRulesOnTopic.class);
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);

    void publishThisApplicationsFile(@Observes StartupEvent started, LiveRules<CaptureRules> live, RulesTopic topic,
            PipelineSettings pipeline) throws Exception {
        RuleFiles.Seed seed = RuleFiles.seed(pipeline.configDir(), CaptureRuleSet.FILE_NAME);
        String version = RulesVersion.of(seed.document());
        if (version.equals(live.version())) {
            return;
        }
        RulesTopic.Publication published = topic.publish(live, seed.document(), "test:" + seed.source(), false, APPLIED_WITHIN)
                .toCompletableFuture().get(APPLIED_WITHIN.toSeconds() + 5, TimeUnit.SECONDS);
        if (!version.equals(live.version())) {
            throw new IllegalStateException("The test's " + seed.source() + " (" + version + ") was not applied: " + published);
        }
        LOG.infof("Test rules: %s published as capture version %s", seed.source(), version);
    }
}
