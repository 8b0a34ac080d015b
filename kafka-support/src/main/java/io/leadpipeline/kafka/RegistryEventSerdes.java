package io.leadpipeline.kafka;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.config.SerdeConfig;

/**
 * Apicurio Avro serdes with their defaults: Confluent wire format (magic byte 0 + 4-byte id), subject
 * {@code <topic>-value}, specific records; producers register their schema on first use. The schema is registered
 * dereferenced (nested records inline), so each topic has exactly one self-contained value schema that any
 * Confluent client can read without resolving references.
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
                SchemaResolverConfig.DEREFERENCE_SCHEMA, true,
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        return serde;
    }
}
