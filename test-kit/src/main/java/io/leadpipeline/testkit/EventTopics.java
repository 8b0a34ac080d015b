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
import io.leadpipeline.kafka.KafkaConnection;
import io.leadpipeline.kafka.RegistryEventSerdes;

/**
 * Writes events to a real broker and reads them back, through the registry with the serdes the services use, so no
 * test wires a registry serializer by hand. Writes wait for the broker's acknowledgement (acks=all).
 */
public final class EventTopics {

    private final Map<String, Object> clientSettings;
    private final RegistryEventSerdes serdes;

    public EventTopics(String bootstrapServers, String registryUrl) {
        this(KafkaConnection.plaintext(bootstrapServers), registryUrl);
    }

    /** On a broker reached with {@code clientSettings} (a secured one: see DevStack#clientSettings). */
    public EventTopics(Map<String, Object> clientSettings, String registryUrl) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.serdes = new RegistryEventSerdes(registryUrl);
    }

    /** Writes one event and returns once the broker has it. */
    public void send(String topic, String key, SpecificRecord event) {
        sendAll(List.of(new ProducerRecord<>(topic, key, event)));
    }

    /** Writes the records in order and returns once the broker has every one. */
    public void sendAll(List<ProducerRecord<String, SpecificRecord>> records) {
        Map<String, Object> config = new java.util.HashMap<>(clientSettings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config,
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
        return new TopicReader<>(clientSettings, topic, decoder);
    }
}
