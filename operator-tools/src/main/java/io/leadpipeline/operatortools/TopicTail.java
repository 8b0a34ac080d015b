package io.leadpipeline.operatortools;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.nio.file.Path;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.kafka.KafkaConnection;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./pipeline tail}: prints a topic's records decoded through the registry, one JSON object a line
 * (topic, partition, offset, key, timestamp, headers, value). Reads without a consumer group, so watching a
 * topic never disturbs the services.
 * Hand-written because Kafka's console consumer prints Avro as raw bytes; Confluent's Avro one is not a tool we keep.
 * Usage: {@code TopicTail --bootstrap HOST:PORT --registry URL --topic T [--from-beginning] [--max N] [--kafka-config FILE]};
 * {@code --kafka-config}: a credentials file of a secured broker (./pipeline passes the read-only operator's).
 */
public final class TopicTail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicTail() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String topic = require(options, "topic");
        long max = Long.parseLong(options.getOrDefault("max", "-1"));
        boolean fromBeginning = options.containsKey("from-beginning");
        ConfluentAvroDecoder decoder = new ConfluentAvroDecoder(require(options, "registry"));

        Properties props = new Properties();
        props.putAll(KafkaConnection.of(require(options, "bootstrap"),
                Optional.ofNullable(options.get("kafka-config")).map(Path::of).map(KafkaConnection::signInFrom).orElse(Map.of())));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic);
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long printed = 0;
            while (max < 0 || printed < max) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(JSON.writeValueAsString(toJson(record, decoder)));
                    if (++printed == max) {
                        break;
                    }
                }
                System.out.flush();
            }
        }
    }

    static ObjectNode toJson(ConsumerRecord<String, byte[]> record, ConfluentAvroDecoder decoder) throws Exception {
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("key", record.key());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        if (record.headers().iterator().hasNext()) {
            ObjectNode headers = line.putObject("headers");
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        byte[] value = record.value();
        if (value == null) {
            line.putNull("value");
        } else {
            try {
                line.put("schemaId", ConfluentAvroDecoder.schemaId(value));
                var decoded = decoder.decode(value);
                line.set("value", AvroJson.toJson(decoded, decoded.getSchema()));
            } catch (IllegalArgumentException notAvro) {
                // Dead letters keep the bytes that could not be read: show them as they are.
                line.put("undecodable", notAvro.getMessage());
                line.put("valueBase64", Base64.getEncoder().encodeToString(value));
            }
        }
        return line;
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer, String topic) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Topic " + topic + " does not exist");
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
