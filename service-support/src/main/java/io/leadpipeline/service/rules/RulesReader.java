package io.leadpipeline.service.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one way every rule set (capture, scoring, routing, nurture) is read: YAML bound by Jackson onto the rule set's
 * typed records (unknown keys, duplicate keys and nulls for numbers refused; durations in {@link RuleDurations}'
 * syntax), then Bean Validation on the records, then the document's own {@link RuleChecks}. Every problem names the
 * line and the path of its entry, and all of them are reported at once.
 */
public final class RulesReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // A whole number is written as one: 1.5 or "3" for an Integer is refused, not truncated or converted.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("rule-durations").addDeserializer(Duration.class, new RuleDurations()))
            .build();

    // Built on its own rather than injected, so the domain's rules tests read files without a Quarkus application;
    // the parameter interpolator needs no expression-language implementation on the class path.
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static final String TOP_LEVEL = "(top level)";

    private RulesReader() {
    }

    /**
     * Reads and validates a rules document.
     *
     * @throws InvalidRulesException with every problem, each naming its line and path
     */
    public static <D> D read(byte[] yaml, String source, Class<D> type) {
        String text = new String(yaml, StandardCharsets.UTF_8);
        if (text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#") || line.strip().equals("---"))) {
            throw new InvalidRulesException(source, List.of(new RuleProblem(TOP_LEVEL, 1, "the document is empty")));
        }
        D document;
        try {
            document = YAML.readValue(yaml, type);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(source, List.of(bindingProblem(e, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (document == null) {
            throw new InvalidRulesException(source, List.of(new RuleProblem(TOP_LEVEL, 1, "the document is empty")));
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (ConstraintViolation<D> violation : VALIDATOR.validate(document)) {
            problems.add(RuleProblem.at(path(violation.getPropertyPath()), violation.getMessage()));
        }
        if (problems.isEmpty() && document instanceof RuleChecks checked) {
            RuleChecks.Problems crossField = new RuleChecks.Problems();
            checked.check(crossField);
            problems.addAll(crossField.list());
        }
        if (!problems.isEmpty()) {
            YamlLines lines = YamlLines.of(text);
            throw new InvalidRulesException(source, problems.stream()
                    .map(problem -> problem.onLine(lines.lineOf(problem.path())))
                    .sorted(Comparator.comparingInt(RuleProblem::line).thenComparing(RuleProblem::path))
                    .toList());
        }
        return document;
    }

    private static RuleProblem bindingProblem(JsonProcessingException e, String text) {
        int line = line(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            // Jackson's location is past the value (a list under the key ends lines later): the key's own line, by path.
            int keyLine = YamlLines.of(text).lineOf(path(unknown));
            line = keyLine > 0 ? keyLine : line;
            String known = unknown.getKnownPropertyIds() == null ? "" : " (known here: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
            return new RuleProblem(path(unknown), line, "unknown entry '" + unknown.getPropertyName() + "'" + known);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new RuleProblem(path(format), line, "'" + format.getValue() + "' is not one of " + allowed);
        }
        if (e instanceof JsonMappingException mapping) {
            return new RuleProblem(path(mapping), line, readable(mapping.getOriginalMessage()));
        }
        return new RuleProblem(TOP_LEVEL, line, "not valid YAML: " + readable(e.getOriginalMessage()));
    }

    /** Jackson's first sentence, with its Java type names shortened to what a rules author recognises. */
    private static String readable(String message) {
        String first = message == null ? "cannot be read" : message.split("\n")[0];
        return first.replaceAll("`(?:[\\w$]+\\.)*([\\w$]+)`", "$1").replaceAll("\\(class (?:[\\w$]+\\.)*([\\w$]+)\\)", "");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? TOP_LEVEL : path.toString();
    }

    /** Hibernate Validator's property path as the file writes it: {@code pools[1].members[0]}, {@code forms.DEMO_REQUEST}. */
    private static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    path.append('.').append(node.getKey());
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? TOP_LEVEL : path.toString();
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? 0 : location.getLineNr();
    }
}
