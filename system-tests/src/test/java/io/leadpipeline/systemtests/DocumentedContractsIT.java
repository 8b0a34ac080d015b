package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Proves docs/asyncapi.yaml cannot drift from the code: every topic a service names is documented, every
 * documented topic is named in code, and every message points at an existing .avsc of the same name.
 * (PipelineEndToEndIT checks the running pipeline: every topic the services create, dead-letter topics included,
 * and the schema registered for each.) An integration test only for where it runs: beside the other system tests, not
 * before them, as its parser and renderer (Node.js) take about 10 s.
 */
@Execution(ExecutionMode.CONCURRENT) // needs no pipeline: runs beside the shared pipeline's classes (junit-platform.properties)
class DocumentedContractsIT {

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

    @Test
    void shouldNameOneOfOurComponentsAsTheSingleWriterAndAsEveryReader() throws IOException {
        List<String> problems = new java.util.ArrayList<>();
        for (AsyncApiDocument.Channel channel : AsyncApiDocument.load(root).channels()) {
            // Dead letters have one writer per reading service; lead.rules one per rule set's owning service (key = rule set).
            boolean sharedWriters = channel.topic().endsWith(".dlq") || channel.topic().equals("lead.rules");
            if (channel.topic().equals("lead.dlq-replays")) {
                continue; // written and read by the operator tool, not by a running component
            }
            if (!AsyncApiDocument.COMPONENTS.containsAll(channel.writers()) || channel.writers().isEmpty()
                    || (!sharedWriters && channel.writers().size() != 1)) {
                problems.add(channel.topic() + ": x-writer " + channel.writers() + " (one of " + AsyncApiDocument.COMPONENTS
                        + (sharedWriters ? ", one per reading service or rule set)" : ")"));
            }
            if (!AsyncApiDocument.COMPONENTS.containsAll(channel.readers())) {
                problems.add(channel.topic() + ": x-readers " + channel.readers() + " names more than our components (others go in x-external-readers)");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void shouldParseWithTheOfficialAsyncApiParserWithoutAnError() throws Exception {
        NodeTool.install(NodeTool.folder("contracts"));

        NodeTool.Output parsed = NodeTool.run(NodeTool.folder("contracts"), List.of("node", "validate.mjs", root.resolve("docs/asyncapi.yaml").toString()),
                Map.of(), java.time.Duration.ofMinutes(2));

        assertFalse(parsed.text().lines().anyMatch(line -> line.startsWith("error")), parsed.text());
    }

    @Test
    void shouldPublishARenderingOfTheCurrentDocument(@org.junit.jupiter.api.io.TempDir Path rendered) throws Exception {
        NodeTool.install(NodeTool.folder("contracts"));

        NodeTool.run(NodeTool.folder("contracts"), List.of("node", "render.mjs", root.resolve("docs/asyncapi.yaml").toString(), rendered.toString()),
                Map.of(), java.time.Duration.ofMinutes(2));

        Path published = root.resolve("docs/asyncapi");
        for (String file : List.of("index.html", "js/app.js", "js/asyncapi-ui.min.js", "css/asyncapi.min.css")) {
            assertTrue(Files.exists(published.resolve(file)) && Files.mismatch(rendered.resolve(file), published.resolve(file)) == -1,
                    "docs/asyncapi/" + file + " is the rendering of docs/asyncapi.yaml: run `cd contracts && npm ci && npm run render`");
        }
        assertTrue(Files.readString(published.resolve("index.html")).contains("lead.handoffs"), "the page lists the topics");
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
