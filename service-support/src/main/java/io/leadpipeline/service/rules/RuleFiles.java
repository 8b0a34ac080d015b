package io.leadpipeline.service.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a rule set's seed comes from: {@code <pipeline.config-dir>/<file>} when that folder is set and holds the file,
 * else the copy of {@code config/<file>} the build puts in the jar ({@code defaults/<file>}).
 */
public final class RuleFiles {

    static final String DEFAULTS = "defaults/";

    private RuleFiles() {
    }

    /** A document and where it came from (a path, or "the built-in defaults/<file>"). */
    public record Seed(byte[] document, String source) {
    }

    public static Seed seed(Optional<Path> configDir, String fileName) {
        Optional<Path> file = configDir.map(dir -> dir.resolve(fileName)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            try {
                return new Seed(Files.readAllBytes(file.get()), file.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.get(), e);
            }
        }
        return builtIn(fileName);
    }

    public static Seed builtIn(String fileName) {
        String resource = DEFAULTS + fileName;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (the build copies config/" + fileName + ")");
            }
            return new Seed(in.readAllBytes(), "the built-in " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads, validates and compiles a seed: what a service starts with before {@code lead.rules} says otherwise. */
    public static <R> R compile(RuleSet<R> ruleSet, Seed seed) {
        return ruleSet.compile(seed.document(), seed.source()).rules();
    }
}
