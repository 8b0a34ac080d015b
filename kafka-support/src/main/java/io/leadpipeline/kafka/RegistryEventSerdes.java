package io.leadpipeline.kafka;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;

/**
 * Apicurio Avro serdes with their defaults: Confluent wire format (magic byte 0 + 4-byte id), subject
 * {@code <topic>-value}, specific records; producers register their schema on first use.
 */
public final class RegistryEventSerdes implements EventSerdes {

    private final String registryUrl;

    public RegistryEventSerdes(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(Map.of(
                SerdeConfig.REGISTRY_URL, registryUrl,
                SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        return serde;
    }
}
