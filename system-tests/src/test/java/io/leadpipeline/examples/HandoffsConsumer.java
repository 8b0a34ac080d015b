package io.leadpipeline.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.config.SerdeConfig;

/**
 * What a downstream team writes to read {@code lead.handoffs} (or {@code lead.nurture-touches}) from outside the project:
 * a stock {@link KafkaConsumer}, values decoded into generic Avro records through the schema registry, so no classes
 * generated from our schemas are needed. docs/consuming.md walks through it; ConsumingExamplesIT runs it against the
 * real pipeline, so it cannot rot.
 *
 * <p>Run: {@code KAFKA_BOOTSTRAP=localhost:9092 REGISTRY_URL=http://localhost:8085 java ... HandoffsConsumer [topic]}
 */
public final class HandoffsConsumer {

    private HandoffsConsumer() {
    }

    public static void main(String[] args) {
        String topic = args.length > 0 ? args[0] : "lead.handoffs";
        Properties config = config(env("KAFKA_BOOTSTRAP", "localhost:9092"), env("REGISTRY_URL", "http://localhost:8085"),
                env("GROUP_ID", "crm-sync"));
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (true) {
                for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofSeconds(1))) {
                    // The key is the lead id; GenericRecord prints as JSON.
                    System.out.println(record.key() + " " + record.value());
                }
            }
        }
    }

    /** The settings a consumer of our topics needs. */
    public static Properties config(String bootstrapServers, String registryBaseUrl, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Our writers commit in Kafka transactions (exactly once): read only what they committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Keys are plain UTF-8 strings: the lead id (UUID v5 of the trimmed, lower-cased email).
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Values are Avro in the Confluent wire format; Apicurio's deserializer reads it by default (any Confluent
        // deserializer does too, pointed at <registry>/apis/ccompat/v7).
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName());
        config.put(SerdeConfig.REGISTRY_URL, registryBaseUrl + "/apis/registry/v3");
        return config;
    }

    /** Reads until {@code count} records with key {@code leadId} arrived or {@code timeout} passed; what the test runs. */
    public static List<ConsumerRecord<String, GenericRecord>> read(Properties config, String topic, String leadId, int count,
            Duration timeout) {
        List<ConsumerRecord<String, GenericRecord>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (leadId.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
