package io.leadpipeline.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * docs/asyncapi.yaml, read as the topic contracts it documents: per topic its value schema (Avro record name, or empty
 * for raw bytes), its writers and readers among our components ({@code x-writer}, {@code x-readers}; others are in
 * {@code x-external-readers}), its key (the Kafka message binding's key schema) and its cleanup policy.
 */
final class AsyncApiDocument {

    /** Our components: their consumer group (Kafka Streams application id) and transactional id prefix are these names. */
    static final Set<String> COMPONENTS = Set.of("capture-service", "qualification-service", "routing-service", "nurture-service",
            "ops-console");

    /** One channel's contract. {@code keySchema} is the message's Kafka binding key (a JSON schema), or missing. */
    record Channel(String topic, Set<String> writers, Set<String> readers, JsonNode keySchema, Set<String> cleanupPolicy,
            Optional<Long> retentionMs) {
    }

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

    /** Every channel's writers, readers, key and cleanup policy (delete unless its Kafka binding says otherwise). */
    List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        for (JsonNode channel : iterable(document.get("channels"))) {
            JsonNode message = resolve(channel.get("messages").elements().next());
            JsonNode topicConfiguration = channel.path("bindings").path("kafka").path("topicConfiguration");
            Set<String> policy = new TreeSet<>(strings(topicConfiguration.path("cleanup.policy")));
            Optional<Long> retention = topicConfiguration.has("retention.ms") ? Optional.of(topicConfiguration.get("retention.ms").asLong()) : Optional.empty();
            channels.add(new Channel(channel.get("address").asText(), strings(channel.path("x-writer")), strings(channel.path("x-readers")),
                    keySchema(message), policy.isEmpty() ? Set.of("delete") : policy, retention));
        }
        return channels;
    }

    /** The message's Kafka binding key, its own or from one of its traits (as the AsyncAPI parser applies them). */
    private JsonNode keySchema(JsonNode message) {
        JsonNode own = message.path("bindings").path("kafka").path("key");
        if (!own.isMissingNode()) {
            return own;
        }
        for (JsonNode trait : iterable(message.path("traits"))) {
            JsonNode key = resolve(trait).path("bindings").path("kafka").path("key");
            if (!key.isMissingNode()) {
                return key;
            }
        }
        return own;
    }

    /** A string, or a list of strings, as a set. */
    private static Set<String> strings(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isTextual()) {
            values.add(node.asText());
        }
        node.elements().forEachRemaining(element -> values.add(element.asText()));
        return values;
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
