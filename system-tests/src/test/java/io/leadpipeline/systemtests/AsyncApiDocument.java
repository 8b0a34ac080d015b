package io.leadpipeline.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** docs/asyncapi.yaml, read as the topic contracts it documents: topic address → Avro record name (or empty for raw bytes). */
final class AsyncApiDocument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final JsonNode document;

    private AsyncApiDocument(Path root, JsonNode document) {
        this.root = root;
        this.document = document;
    }

    static AsyncApiDocument load(Path root) throws IOException {
        return new AsyncApiDocument(root, YAML.readTree(root.resolve("docs/asyncapi.yaml").toFile()));
    }

    /** Every channel's topic and the full name of the Avro record its message carries (empty when not Avro). */
    Map<String, Optional<String>> topicSchemas() throws IOException {
        Map<String, Optional<String>> topics = new LinkedHashMap<>();
        for (JsonNode channel : iterable(document.get("channels"))) {
            String address = channel.get("address").asText();
            JsonNode messages = channel.get("messages");
            if (messages.size() != 1) {
                throw new IllegalStateException(address + ": one value schema per topic, found " + messages.size() + " messages");
            }
            JsonNode message = resolve(messages.elements().next());
            JsonNode schemaRef = message.path("payload").path("schema").path("$ref");
            if (schemaRef.isMissingNode()) {
                topics.put(address, Optional.empty());
                continue;
            }
            Path avsc = root.resolve("docs").resolve(schemaRef.asText()).normalize();
            JsonNode schema = JSON.readTree(Files.readString(avsc));
            String fullName = schema.get("namespace").asText() + "." + schema.get("name").asText();
            if (!schema.get("name").asText().equals(message.get("name").asText())) {
                throw new IllegalStateException(address + ": message " + message.get("name") + " points at " + avsc);
            }
            topics.put(address, Optional.of(fullName));
        }
        return topics;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        return document.at(ref.asText().substring(1));
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
