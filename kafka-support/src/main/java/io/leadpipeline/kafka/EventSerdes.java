package io.leadpipeline.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Where a topology gets the serdes of its event types: the registry-backed ones in production
 * ({@link RegistryEventSerdes}), plain Avro binary in {@code TopologyTestDriver} tests ({@link AvroBinaryEventSerdes}).
 */
public interface EventSerdes {

    <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type);
}
