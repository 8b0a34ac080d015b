package io.leadpipeline.routing.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.leadpipeline.routing.domain.RoutingRules;

/**
 * Finds routing.yaml: {@code <pipeline.config-dir>/routing.yaml} when that folder is configured and holds the file,
 * else the built-in defaults (config/routing.yaml, copied into the jar as {@code defaults/routing.yaml}).
 */
public final class RoutingRulesLoader {

    public static final String FILE_NAME = "routing.yaml";
    static final String DEFAULTS = "defaults/" + FILE_NAME;

    private RoutingRulesLoader() {
    }

    public static RoutingRules load(Optional<Path> configDir) {
        Optional<Path> edited = configDir.map(dir -> dir.resolve(FILE_NAME)).filter(Files::isRegularFile);
        if (edited.isPresent()) {
            try {
                return RoutingConfigParser.parse(Files.readString(edited.get()), edited.get().toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + edited.get(), e);
            }
        }
        return RoutingConfigParser.parse(builtInDefaults(), "built-in defaults (" + DEFAULTS + ")");
    }

    static String builtInDefaults() {
        try (InputStream in = RoutingRulesLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
