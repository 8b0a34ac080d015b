package io.leadpipeline.operatortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.TopicReader;

/** Proves ./pipeline dlq lists dead letters with their reasons and replays each to its source topic exactly once. */
class DeadLetterToolTest {

    private static DevStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.startInTempDir();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic("lead.samples", Optional.empty(), Optional.empty()),
                    new NewTopic("lead.samples.dlq", Optional.empty(), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String key : List.of("lead-a", "lead-b")) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("dlq.reason", "Cannot deserialize: bad magic byte".getBytes(StandardCharsets.UTF_8));
                headers.add("dlq.source.topic", "lead.samples".getBytes(StandardCharsets.UTF_8));
                headers.add("trace", "kept".getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>("lead.samples.dlq", 0, key.getBytes(StandardCharsets.UTF_8),
                        ("payload of " + key).getBytes(StandardCharsets.UTF_8), headers)).get();
            }
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void shouldListReplayOneByIdThenTheRestAndNeverReplayTwice() throws Exception {
        DeadLetterTool tool = new DeadLetterTool(stack.bootstrapServers());

        List<ObjectNode> listed = tool.list(Optional.of("lead.samples"));
        assertEquals(2, listed.size());
        assertEquals("Cannot deserialize: bad magic byte", listed.get(0).get("reason").asText());
        assertFalse(listed.get(0).get("replayed").asBoolean());
        String firstId = listed.get(0).get("id").asText();

        assertEquals(List.of(firstId), tool.replay("lead.samples", List.of(firstId)));
        List<String> rest = tool.replay("lead.samples.dlq", List.of());
        assertEquals(1, rest.size());
        assertEquals(List.of(), tool.replay("lead.samples", List.of()), "a second replay sends nothing");

        try (TopicReader<byte[]> source = new TopicReader<>(stack.bootstrapServers(), "lead.samples", new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> replayed = source.upToNow(r -> true);
            assertEquals(List.of("lead-a", "lead-b"), replayed.stream().map(ConsumerRecord::key).sorted().toList());
            ConsumerRecord<String, byte[]> first = replayed.get(0);
            assertEquals("payload of " + first.key(), new String(first.value(), StandardCharsets.UTF_8));
            assertNull(first.headers().lastHeader("dlq.reason"), "dead-letter headers are not replayed");
            assertEquals("kept", new String(first.headers().lastHeader("trace").value(), StandardCharsets.UTF_8));
            assertTrue(first.headers().lastHeader("dlq-replayed-from") != null);
        }
        assertTrue(tool.list(Optional.empty()).stream().allMatch(line -> line.get("replayed").asBoolean()));
    }
}
