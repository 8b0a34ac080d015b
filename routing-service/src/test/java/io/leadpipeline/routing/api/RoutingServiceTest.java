package io.leadpipeline.routing.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.routing.TestDecisions;
import io.leadpipeline.routing.config.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Proves the service on a real broker and registry: an SQL decision on lead.decisions becomes one LeadHandedOff. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class RoutingServiceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @Test
    void shouldHandOffAnSqlDecisionToAConfiguredCloser() {
        QualificationDecided sql = TestDecisions.decision("vp@initech.example", LeadStage.SQL);
        AvroKafkaSerializer<QualificationDecided> serializer = new AvroKafkaSerializer<>();
        serializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, SerdeConfig.AUTO_REGISTER_ARTIFACT, true), false);
        try (KafkaProducer<String, QualificationDecided> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS, sql.getLeadId(), sql));
        }

        AvroKafkaDeserializer<LeadHandedOff> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        try (TopicReader<LeadHandedOff> reader = new TopicReader<>(bootstrapServers, Topics.HANDOFFS, deserializer)) {
            var handedOff = reader.await(r -> r.key().equals(sql.getLeadId()), 1, Duration.ofSeconds(60));
            assertEquals(1, handedOff.size());
            assertEquals(sql.getDecisionId(), handedOff.get(0).value().getDecisionId());
            assertEquals("closer-ava", handedOff.get(0).value().getCloser().getId());
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
