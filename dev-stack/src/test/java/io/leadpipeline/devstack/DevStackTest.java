package io.leadpipeline.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the dev stack is a real broker and a real registry: records round-trip, transactions work, restarts keep data. */
class DevStackTest {

    private static DevStack stack;

    @BeforeAll
    static void start() {
        stack = DevStack.startInTempDir();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void shouldRoundTripRecordsAndKeepThemAcrossABrokerRestart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic("dev-stack.check", Optional.empty(), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            assertEquals(3, admin.describeTopics(Set.of("dev-stack.check")).allTopicNames().get()
                    .get("dev-stack.check").partitions().size(), "topics get the broker's 3 default partitions");
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dev-stack-check"), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("dev-stack.check", "lead-1", "hello"));
            producer.commitTransaction();
        }

        stack.stopBroker();
        stack.startBroker();

        assertEquals(List.of("lead-1=hello"), readAll("dev-stack.check", 1));
    }

    @Test
    void shouldServeTheConfluentCompatibleRegistryApi() {
        assertTrue(Probes.httpOk(stack.registryBaseUrl() + "/apis/ccompat/v7/subjects"));
        assertTrue(Probes.httpOk(stack.registryUrl() + "/system/info"));
        assertFalse(Probes.httpOk(stack.registryBaseUrl() + "/apis/ccompat/v7/schemas/ids/424242"));
        assertTrue(Probes.httpBody(stack.registryBaseUrl() + "/apis/ccompat/v7/config").contains("BACKWARD"),
                "the registry enforces BACKWARD compatibility");
    }

    private static List<String> readAll(String topic, int expected) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dev-stack-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
