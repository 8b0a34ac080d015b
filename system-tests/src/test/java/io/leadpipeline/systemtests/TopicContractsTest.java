package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Proves docs/asyncapi.yaml cannot drift from the code: every topic a service names is documented, every
 * documented topic is named in code, and every message points at an existing .avsc of the same name.
 * (PipelineEndToEndIT checks the running pipeline: every topic the services create, dead-letter topics included,
 * and the schema registered for each.)
 */
class TopicContractsTest {

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static final String \\w+ = \"(lead\\.[a-z0-9.-]+)\"");

    private final Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();

    @Test
    void shouldDocumentExactlyTheTopicsTheCodeUses() throws IOException {
        Set<String> inCode = topicsInCode();
        Set<String> documented = new TreeSet<>(AsyncApiDocument.load(root).topicSchemas().keySet());
        documented.removeIf(topic -> topic.endsWith(".dlq")); // derived from their source topics; checked end to end

        assertTrue(inCode.contains("lead.conversions") && inCode.contains("lead.handoffs"), "found the services' topics: " + inCode);
        assertEquals(new TreeSet<>(inCode), new TreeSet<>(documented), "docs/asyncapi.yaml channels vs topics in code");
    }

    @Test
    void shouldPointEveryMessageAtItsAvroSchema() throws IOException {
        Map<String, Optional<String>> schemas = AsyncApiDocument.load(root).topicSchemas();

        assertEquals(Optional.of("io.leadpipeline.events.LeadHandedOff"), schemas.get("lead.handoffs"));
        assertEquals(Optional.of("io.leadpipeline.events.ConversionCaptured"), schemas.get("lead.conversions"));
        schemas.forEach((topic, schema) -> assertTrue(schema.isPresent() || topic.endsWith(".dlq") || topic.equals("lead.dlq-replays"),
                topic + " documents an Avro schema"));
    }

    /** Topic names declared as constants in main code. */
    private Set<String> topicsInCode() throws IOException {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.startsWith(root.resolve("system-tests")))
                    .collect(Collectors.toList())) {
                String source = Files.readString(file);
                Matcher constant = TOPIC_CONSTANT.matcher(source);
                while (constant.find()) {
                    topics.add(constant.group(1));
                }
            }
        }
        return topics;
    }
}
