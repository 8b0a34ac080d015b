package io.leadpipeline.nurture.api;

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
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.nurture.TestDecisions;
import io.leadpipeline.nurture.config.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Proves the service on a real broker and registry: a nurturable rejection becomes one NurtureEnrolled. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class NurtureServiceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @Test
    void shouldEnrollARejectedLead() {
        QualificationDecided rejected = TestDecisions.rejected("reader@gmail.com", RejectionReason.NOT_A_FIT, true);
        AvroKafkaSerializer<QualificationDecided> serializer = new AvroKafkaSerializer<>();
        serializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, SerdeConfig.AUTO_REGISTER_ARTIFACT, true), false);
        try (KafkaProducer<String, QualificationDecided> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS, rejected.getLeadId(), rejected));
        }

        AvroKafkaDeserializer<NurtureEnrollmentChanged> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        try (TopicReader<NurtureEnrollmentChanged> reader = new TopicReader<>(bootstrapServers, Topics.NURTURE_ENROLLMENTS, deserializer)) {
            var enrolled = reader.await(r -> r.key().equals(rejected.getLeadId()), 1, Duration.ofSeconds(60));
            assertEquals(1, enrolled.size());
            assertEquals("education", ((NurtureEnrolled) enrolled.get(0).value().getChange()).getTrack());
        }
    }
}
