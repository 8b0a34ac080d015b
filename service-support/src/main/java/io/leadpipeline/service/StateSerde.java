package io.leadpipeline.service;

import org.apache.kafka.common.serialization.Serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.kafka.client.serialization.ObjectMapperSerde;

/**
 * Serdes for a service's private state-store values (records): Quarkus' {@link ObjectMapperSerde} with the one
 * mapper every store uses. State is internal to one service, so it needs no registry contract; JSON keeps the
 * changelog readable when debugging, instants are ISO text, and unknown fields are ignored so a newer version
 * reads an older store.
 */
public final class StateSerde {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StateSerde() {
    }

    public static <T> Serde<T> of(Class<T> type) {
        return new ObjectMapperSerde<>(type, MAPPER);
    }
}
