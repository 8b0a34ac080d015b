package io.leadpipeline.capture.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.leadpipeline.capture.domain.CaptureRules;
import io.quarkus.runtime.Startup;

/**
 * Loads {@code capture.yaml} once at start-up: {@code ${pipeline.config-dir}/capture.yaml} when that property
 * (env {@code PIPELINE_CONFIG_DIR}) is set and the file exists, else the default shipped in the jar. A bad file
 * stops start-up with a message naming the bad line or entry.
 */
@Singleton
@Startup
public class CaptureConfiguration {

    private static final Logger LOG = Logger.getLogger(CaptureConfiguration.class);
    private static final String SHIPPED_DEFAULT = "defaults/" + CaptureRulesFile.FILE_NAME;

    private final CaptureRules rules;

    public CaptureConfiguration(@ConfigProperty(name = "pipeline.config-dir") Optional<String> configDir) {
        Optional<Path> file = configDir.map(dir -> Path.of(dir, CaptureRulesFile.FILE_NAME)).filter(Files::isRegularFile);
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(SHIPPED_DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_DEFAULT + " is missing from the build");
            }
            String source = file.map(Path::toString).orElse("built-in " + CaptureRulesFile.FILE_NAME);
            rules = CaptureRulesFile.read(in, source);
            LOG.infof("Capture rules from %s: %d site(s), %d form(s)", source, rules.sites().size(),
                    rules.sites().stream().mapToInt(site -> site.forms().size()).sum());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Produces
    @Singleton
    CaptureRules rules() {
        return rules;
    }
}
