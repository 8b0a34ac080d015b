package io.leadpipeline.qualification.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.leadpipeline.qualification.domain.scoring.InvalidRulesException;
import io.leadpipeline.qualification.domain.scoring.RulesDocument;
import io.leadpipeline.qualification.domain.scoring.ScoringRules;

/**
 * Reads the scoring rules: {@code <pipeline.config-dir>/scoring.yaml} when that folder is configured and holds the
 * file, else the default shipped in the jar ({@code defaults/scoring.yaml}, a copy of config/scoring.yaml). The rules
 * version is a hash of the file's bytes, so every edit yields a new version on the decisions.
 */
public final class ScoringRulesLoader {

    public static final String FILE_NAME = "scoring.yaml";
    static final String DEFAULT_RESOURCE = "defaults/" + FILE_NAME;

    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScoringRulesLoader() {
    }

    /** The rules from the config folder when it has a scoring.yaml, else the shipped defaults. */
    public static ScoringRules load(Optional<Path> configDir) {
        Optional<Path> file = configDir.map(dir -> dir.resolve(FILE_NAME)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            try {
                return parse(Files.readAllBytes(file.get()), file.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.get(), e);
            }
        }
        return defaults();
    }

    public static ScoringRules defaults() {
        try (InputStream in = ScoringRulesLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path (the build copies config/"
                        + FILE_NAME + ")");
            }
            return parse(in.readAllBytes(), "the built-in " + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses and validates a rules file.
     *
     * @throws InvalidRulesException naming the bad line (YAML errors) or entry (e.g. {@code thresholds.sql: ...})
     */
    public static ScoringRules parse(byte[] yaml, String source) {
        RulesDocument document;
        try {
            document = YAML.readValue(yaml, RulesDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRulesException(source, List.of(path(e, e.getPropertyName()) + ": unknown entry" + line(e.getLocation())
                    + " (known here: " + e.getKnownPropertyIds() + ")"));
        } catch (JsonMappingException e) {
            throw new InvalidRulesException(source, List.of(path(e, null) + ": " + e.getOriginalMessage().split("\n")[0]
                    + line(e.getLocation())));
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(source, List.of("not valid YAML" + line(e.getLocation()) + ": "
                    + e.getOriginalMessage().split("\n")[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScoringRules.compile(document, version(yaml), source);
    }

    /** "sha256:" and the first 16 hex digits of the file's SHA-256. */
    static String version(byte[] yaml) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(JsonMappingException e, String unknownField) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (unknownField != null && !path.toString().endsWith(unknownField)) {
            path.append(path.isEmpty() ? "" : ".").append(unknownField);
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
    }
}
