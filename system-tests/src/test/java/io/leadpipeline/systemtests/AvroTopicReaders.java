package io.leadpipeline.systemtests;

import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.devstack.TopicReader;

/** Readers of a pipeline topic that decode values through the stack's registry into the generated event classes. */
final class AvroTopicReaders {

    private AvroTopicReaders() {
    }

    static <T> TopicReader<T> reader(DevStack stack, String topic) {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.REGISTRY_URL, stack.registryUrl(),
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        return new TopicReader<>(stack.bootstrapServers(), topic, deserializer);
    }
}
