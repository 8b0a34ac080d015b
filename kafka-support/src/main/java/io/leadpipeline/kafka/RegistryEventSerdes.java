package io.leadpipeline.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.config.SerdeConfig;

/**
 * Apicurio Avro serdes with their defaults: Confluent wire format (magic byte 0 + 4-byte id), subject
 * {@code <topic>-value}, specific records; producers register their schema on first use. The schema is registered
 * dereferenced (nested records inline), so each topic has exactly one self-contained value schema that any
 * Confluent client can read without resolving references. A record written with another topic's schema is refused
 * as unreadable (and so dead-lettered), never handed to a topology that expects {@code T}. Readers and writers come
 * from {@link CachingAvroDatumProvider}, as in every Apicurio Avro serde of the pipeline ({@link #avroSettings()}).
 */
public final class RegistryEventSerdes implements EventSerdes {

    /** {@code apicurio.registry.http.adapter}: see {@link #avroSettings()}. */
    public static final String REGISTRY_HTTP_ADAPTER = "JDK";

    private final String registryUrl;

    public RegistryEventSerdes(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        AvroSerde<T> serde = configured();
        Deserializer<T> reader = serde.deserializer();
        return Serdes.serdeFrom(serde.serializer(), new Deserializer<T>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                return expected(type, reader.deserialize(topic, data));
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                return expected(type, reader.deserialize(topic, headers, data));
            }
        });
    }

    /**
     * The same serdes for any event: for the tools and tests that write or read several kinds of event, so none of
     * them wires a registry serializer by hand. The reader gives whatever specific record the schema names.
     */
    public Serde<SpecificRecord> anyEventSerde() {
        return configured();
    }

    /**
     * What every Apicurio Avro serde of the pipeline is configured with besides the registry's address: specific
     * records, readers and writers cached per schema, and the registry client on java.net.http. The services' SmallRye
     * channels name the same provider and adapter in their application.properties ({@code apicurio.registry.*}).
     * Not the Vert.x adapter, which a Quarkus service would pick: it waits for its answer without any deadline, and its
     * answer was lost twice on our machines (a Kafka Streams thread then hung for good in a schema look-up while the
     * registry answered everyone else: README, "The two commands").
     */
    public static Map<String, Object> avroSettings() {
        return Map.of(
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true,
                AvroSerdeConfig.AVRO_DATUM_PROVIDER, CachingAvroDatumProvider.class.getName(),
                SchemaResolverConfig.HTTP_ADAPTER, REGISTRY_HTTP_ADAPTER);
    }

    private <T> AvroSerde<T> configured() {
        Map<String, Object> config = new HashMap<>(avroSettings());
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        config.put(SchemaResolverConfig.DEREFERENCE_SCHEMA, true);
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return serde;
    }

    /** The specific reader decodes whatever schema the record names: a valid record of another event is still poison here. */
    static <T> T expected(Class<T> type, Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new SerializationException("A " + value.getClass().getSimpleName() + " where a " + type.getSimpleName() + " was expected");
        }
        return type.cast(value);
    }
}
