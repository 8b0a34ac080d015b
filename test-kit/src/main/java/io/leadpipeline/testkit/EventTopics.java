package io.leadpipeline.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.kafka.RegistryEventSerdes;

/**
 * Writes events to a real broker and reads them back, through the registry with the serdes the services use, so no
 * test wires a registry serializer by hand. Writes wait for the broker's acknowledgement (acks=all).
 */
public final class EventTopics {

    private final String bootstrapServers;
    private final RegistryEventSerdes serdes;

    public EventTopics(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.serdes = new RegistryEventSerdes(registryUrl);
    }

    /** Writes one event and returns once the broker has it. */
    public void send(String topic, String key, SpecificRecord event) {
        sendAll(List.of(new ProducerRecord<>(topic, key, event)));
    }

    /** Writes the records in order and returns once the broker has every one. */
    public void sendAll(List<ProducerRecord<String, SpecificRecord>> records) {
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), serdes.anyEventSerde().serializer())) {
            var written = records.stream().map(producer::send).toList();
            for (var ack : written) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the test's events", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A reader of the topic from its beginning, values decoded to the specific records their schemas name. */
    public <T> TopicReader<T> reader(String topic) {
        @SuppressWarnings("unchecked")
        Deserializer<T> decoder = (Deserializer<T>) serdes.anyEventSerde().deserializer();
        return new TopicReader<>(bootstrapServers, topic, decoder);
    }
}
