package io.leadpipeline.qualification.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.qualification.TestConversions;
import io.leadpipeline.qualification.config.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Proves the whole service on a real broker and registry: conversions in, decisions out, lead lookups, dead letters. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class QualificationServiceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @Test
    void shouldDecideAConversionAndServeTheLead() {
        ConversionCaptured demo = TestConversions.salesReady("cto@globex.example");
        send(demo);

        try (TopicReader<QualificationDecided> reader = decisions()) {
            List<ConsumerRecord<String, QualificationDecided>> decided = reader.await(
                    r -> r.key().equals(demo.getLeadId()), 1, Duration.ofSeconds(60));
            assertEquals(1, decided.size());
            assertEquals(LeadStage.SQL, decided.get(0).value().getStage());
        }
        given().when().get("/v1/leads/" + demo.getLeadId())
                .then().statusCode(200)
                .body("stage", equalTo("SQL"))
                .body("assessment.reasons.ruleId", hasItem("intent.high-intent-form"));
        given().queryParam("email", " CTO@globex.example").when().get("/v1/leads")
                .then().statusCode(200)
                .body("leadId", equalTo(demo.getLeadId()));
    }

    @Test
    void shouldAnswer404ForAnUnknownLead() {
        given().when().get("/v1/leads/00000000-0000-5000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldSendAnUnreadableRecordToTheDeadLetterTopicAndKeepGoing() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONVERSIONS, "poison", "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        ConversionCaptured after = TestConversions.notReady("after-poison@gmail.com");
        send(after);

        try (TopicReader<byte[]> deadLetters = new TopicReader<>(bootstrapServers, DeadLetters.topicFor(Topics.CONVERSIONS),
                new ByteArrayDeserializer())) {
            var dead = deadLetters.await(r -> "poison".equals(r.key()), 1, Duration.ofSeconds(60));
            assertEquals(1, dead.size());
            assertEquals("not avro", new String(dead.get(0).value(), StandardCharsets.UTF_8));
            assertEquals(Topics.CONVERSIONS, new String(dead.get(0).headers().lastHeader(DeadLetters.HEADER_SOURCE_TOPIC).value(),
                    StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/v1/leads/" + after.getLeadId())
                .then().statusCode(200).body("stage", equalTo("REJECTED")));
    }

    private void send(ConversionCaptured conversion) {
        AvroKafkaSerializer<ConversionCaptured> serializer = new AvroKafkaSerializer<>();
        serializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, SerdeConfig.AUTO_REGISTER_ARTIFACT, true), false);
        try (KafkaProducer<String, ConversionCaptured> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.CONVERSIONS, conversion.getLeadId(), conversion));
        }
    }

    private TopicReader<QualificationDecided> decisions() {
        AvroKafkaDeserializer<QualificationDecided> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        return new TopicReader<>(bootstrapServers, Topics.DECISIONS, deserializer);
    }
}
