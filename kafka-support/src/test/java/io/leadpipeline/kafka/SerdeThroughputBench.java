package io.leadpipeline.kafka;

import static io.leadpipeline.kafka.TestEvents.TOPIC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.leadpipeline.events.ConversionCaptured;

/**
 * Serde throughput, Apicurio's default datum provider against {@link CachingAvroDatumProvider}: each conversion is
 * serialized and deserialized by Apicurio's own serdes (the registry in memory, so only the per-record cost counts),
 * one thread, after a warm-up of both. It reports records/s; it asserts no figure. Not in the suite (its name is not a
 * test's): {@code mvn -B -pl kafka-support -am verify -Dtest=SerdeThroughputBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest.jvm-flags= -Dbench.serde.records=200000}; the figures are in
 * {@code kafka-support/target/surefire-reports/io.leadpipeline.kafka.SerdeThroughputBench-output.txt}.
 */
class SerdeThroughputBench {

    private static final int RECORDS = Integer.getInteger("bench.serde.records", 200_000);
    private static final int WARM_UP = Math.max(RECORDS / 10, 1_000);
    private static final int DISTINCT = 1_000;

    @Test
    void shouldReportRecordsPerSecondWithApicuriosProviderAndWithTheCachingOne() {
        ConversionCaptured[] events = new ConversionCaptured[DISTINCT];
        for (int n = 0; n < DISTINCT; n++) {
            events[n] = TestEvents.conversion(n);
        }
        String before = DefaultAvroDatumProvider.class.getName();
        String after = CachingAvroDatumProvider.class.getName();
        run(before, events, WARM_UP);
        run(after, events, WARM_UP);

        double beforeRate = run(before, events, RECORDS);
        double afterRate = run(after, events, RECORDS);

        System.out.printf("serde bench: %,d conversions serialized + deserialized, one thread, Java %s%n", RECORDS,
                Runtime.version());
        System.out.printf("serde bench: %-30s %,10.0f records/s%n", "DefaultAvroDatumProvider", beforeRate);
        System.out.printf("serde bench: %-30s %,10.0f records/s (x%.2f)%n", "CachingAvroDatumProvider", afterRate,
                afterRate / beforeRate);
    }

    /** Records/s through a fresh serializer and deserializer using {@code provider}. */
    private static double run(String provider, ConversionCaptured[] events, int records) {
        InMemoryRegistry registry = new InMemoryRegistry();
        Map<String, Object> settings = new HashMap<>(RegistryEventSerdes.avroSettings());
        settings.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, provider);
        settings.put(AvroSerdeConfig.REGISTRY_URL, "http://registry.invalid/apis/registry/v3");
        try (Serializer<Object> serializer = new AvroKafkaSerializer<>(registry.resolver());
                Deserializer<Object> deserializer = new AvroKafkaDeserializer<>(registry.resolver())) {
            serializer.configure(settings, false);
            deserializer.configure(settings, false);
            Object last = null;
            long started = System.nanoTime();
            for (int n = 0; n < records; n++) {
                last = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, events[n % DISTINCT]));
            }
            long took = System.nanoTime() - started;
            assertEquals(events[(records - 1) % DISTINCT], last, "what was read is what was written");
            return records / (took / 1e9);
        }
    }
}
