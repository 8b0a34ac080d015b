package io.leadpipeline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaParseException;
import org.junit.jupiter.api.Test;

/**
 * Proves every event schema stays BACKWARD compatible with its last released version (kept in
 * {@code schemas/released/v<N>}): a consumer on the new schema can read everything already on the topics,
 * which is also what the registry enforces. Releasing a schema = copying src/main/avro to a new released/v<N+1>.
 */
class SchemaCompatibilityTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("released");

    @Test
    void shouldKeepEveryEventBackwardCompatibleWithItsLastReleasedVersion() throws IOException {
        Map<String, Schema> current = parseAll(CURRENT);
        Map<String, Schema> released = parseAll(latestRelease());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : released.entrySet()) {
            Schema now = current.get(entry.getKey());
            if (now == null) {
                // Consumers still read records written with it: a released schema may not disappear or be renamed.
                problems.add(entry.getKey() + ": released, but no longer in src/main/avro");
                continue;
            }
            var result = SchemaCompatibility.checkReaderWriterCompatibility(now, entry.getValue()).getResult();
            if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(entry.getKey() + ": " + result.getIncompatibilities());
            }
        }
        assertTrue(released.containsKey("io.leadpipeline.events.LeadHandedOff") && released.size() >= 19,
                "the released baseline is read: " + released.keySet());
        assertEquals(List.of(), problems, "schema changes must be BACKWARD compatible (new fields optional with defaults)");
    }

    @Test
    void shouldHaveReleasedEveryEventOfThisVersion() throws IOException {
        // A new event joins released/v<N> when it ships; until then no check would guard its topic.
        Map<String, Schema> released = parseAll(latestRelease());
        List<String> unreleased = parseAll(CURRENT).keySet().stream().filter(name -> !released.containsKey(name)).toList();
        assertEquals(List.of(), unreleased, "copy new .avsc files to the latest released/v<N> when they ship");
    }

    @Test
    void shouldRejectANewFieldWithoutADefault() throws IOException {
        Schema released = parseAll(latestRelease()).get("io.leadpipeline.events.ConversionCaptured");
        String json = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},");
        Schema changed = new Schema.Parser().parse(json);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(changed, released).getResult();

        assertEquals(SchemaCompatibilityType.INCOMPATIBLE, result.getCompatibility());
        assertTrue(result.getIncompatibilities().toString().contains("mandatoryNewField"));
    }

    @Test
    void shouldAcceptANewOptionalFieldWithADefault() throws IOException {
        Schema released = parseAll(latestRelease()).get("io.leadpipeline.events.ConversionCaptured");
        String json = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"optionalNewField\",\"type\":[\"null\",\"string\"],\"default\":null},");
        Schema changed = new Schema.Parser().parse(json);

        assertEquals(SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(changed, released).getResult().getCompatibility());
    }

    @Test
    void shouldGenerateTheClassesFromTheCurrentSchemas() throws IOException {
        Map<String, Schema> current = parseAll(CURRENT);
        // Parsing canonical form: the generated classes add only Java-specific properties (avro.java.string).
        assertEquals(SchemaNormalization.toParsingForm(current.get("io.leadpipeline.events.ConversionCaptured")),
                SchemaNormalization.toParsingForm(ConversionCaptured.getClassSchema()));
        assertEquals(SchemaNormalization.toParsingForm(current.get("io.leadpipeline.events.NurtureEnrollmentChanged")),
                SchemaNormalization.toParsingForm(NurtureEnrollmentChanged.getClassSchema()));
        assertFalse(current.isEmpty());
    }

    private static Path latestRelease() throws IOException {
        try (Stream<Path> versions = Files.list(RELEASED)) {
            Optional<Path> latest = versions.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches("v\\d+"))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getFileName().toString().substring(1))));
            return latest.orElseThrow(() -> new IllegalStateException("no released schema versions under " + RELEASED));
        }
    }

    /** Parses a folder of .avsc files that refer to each other, in whatever order they resolve. */
    static Map<String, Schema> parseAll(Path root) throws IOException {
        List<String> pending;
        try (Stream<Path> files = Files.walk(root)) {
            pending = new ArrayList<>(files.filter(f -> f.toString().endsWith(".avsc")).sorted().map(SchemaCompatibilityTest::read).toList());
        }
        List<String> resolved = new ArrayList<>();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var iterator = pending.iterator(); iterator.hasNext();) {
                String text = iterator.next();
                Schema.Parser parser = new Schema.Parser();
                resolved.forEach(parser::parse);
                try {
                    Schema schema = parser.parse(text);
                    schemas.put(schema.getFullName(), schema);
                    resolved.add(text);
                    iterator.remove();
                    progress = true;
                } catch (SchemaParseException | AvroTypeException unresolvedYet) {
                    // refers to a type defined in a file not parsed yet: try again next round
                }
            }
            if (!progress) {
                throw new IllegalStateException("Unresolvable schemas under " + root + ": " + pending);
            }
        }
        return schemas;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
