package io.leadpipeline.nurture.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.config.PipelineSettings;

/**
 * Loads the nurture rules once at start-up: {@code ${pipeline.config-dir}/nurture.yaml} when that property is set
 * and the file exists, else the defaults shipped in the jar ({@code config/nurture.yaml} at build time).
 * A file that does not validate stops start-up with a message naming each bad entry.
 */
@ApplicationScoped
public class NurtureRulesProducer {

    static final String FILE = "nurture.yaml";
    static final String DEFAULTS = "defaults/" + FILE;
    private static final Logger LOG = Logger.getLogger(NurtureRulesProducer.class);

    @Produces
    @Singleton
    NurtureRules rules(PipelineSettings pipeline) {
        return load(pipeline.configDir());
    }

    public static NurtureRules load(Optional<Path> configDir) {
        Optional<Path> file = configDir.map(dir -> dir.resolve(FILE)).filter(Files::isRegularFile);
        try {
            if (file.isPresent()) {
                LOG.infof("Nurture rules from %s", file.get());
                return NurtureRulesParser.parse(Files.readString(file.get()), file.get().toString());
            }
            try (InputStream in = NurtureRulesProducer.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULTS + " is missing from the class path");
                }
                LOG.info("Nurture rules: the shipped defaults");
                return NurtureRulesParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the shipped " + FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the nurture rules", e);
        }
    }
}
