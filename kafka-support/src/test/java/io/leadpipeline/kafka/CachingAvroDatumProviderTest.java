package io.leadpipeline.kafka;

import static io.leadpipeline.kafka.TestEvents.TOPIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.leadpipeline.events.ConversionCaptured;

/**
 * Proves Apicurio's own serializer and deserializer, configured as every serde of the pipeline is, round-trip real
 * events with the caching datum provider, read each writer schema of an event into today's class record after record
 * and from several threads, and ask Apicurio's provider (which fingerprints the schema) once per schema, not per record.
 */
class CachingAvroDatumProviderTest {

    private final InMemoryRegistry registry = new InMemoryRegistry();

    @Test
    void shouldRoundTripAConversionThroughApicuriosSerdesInTheConfluentWireFormat() {
        try (Serializer<Object> serializer = serializer(); Deserializer<Object> deserializer = deserializer()) {
            ConversionCaptured sent = TestEvents.conversion(1);

            byte[] bytes = serializer.serialize(TOPIC, sent);
            Object read = deserializer.deserialize(TOPIC, bytes);

            assertEquals(0, bytes[0], "magic byte");
            assertEquals(1, ByteBuffer.wrap(bytes, 1, 4).getInt(), "the registry's id of the schema");
            assertEquals(sent, read);
        }
    }

    @Test
    void shouldReadEachWriterSchemaOfAnEventIntoTodaysClassRecordAfterRecord() {
        try (Serializer<Object> serializer = serializer(); Deserializer<Object> deserializer = deserializer()) {
            List<Object> read = new ArrayList<>();
            for (long n = 1; n <= 4; n++) {
                Object written = n % 2 == 1 ? TestEvents.conversion(n) : TestEvents.newerConversion(n);
                read.add(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, written)));
            }

            assertEquals(List.of(TestEvents.conversion(1), TestEvents.readFromNewer(2), TestEvents.conversion(3),
                    TestEvents.readFromNewer(4)), read);
        }
    }

    @Test
    void shouldWriteAndReadFromSeveralThreadsAtOnceThroughOneSerializerAndDeserializer() throws Exception {
        int threads = 4;
        int perThread = 2_000;
        try (Serializer<Object> serializer = serializer(); Deserializer<Object> deserializer = deserializer()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Object>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long first = (long) t * perThread;
                    results.add(pool.submit(() -> {
                        List<Object> read = new ArrayList<>();
                        for (long n = first; n < first + perThread; n++) {
                            Object written = n % 3 == 0 ? TestEvents.newerConversion(n) : TestEvents.conversion(n);
                            read.add(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, written)));
                        }
                        return read;
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    List<Object> expected = new ArrayList<>();
                    for (long n = (long) t * perThread; n < (long) (t + 1) * perThread; n++) {
                        expected.add(n % 3 == 0 ? TestEvents.readFromNewer(n) : TestEvents.conversion(n));
                    }
                    assertEquals(expected, results.get(t).get(), "thread " + t);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shouldAskApicuriosProviderOncePerSchemaAndKindOfDataNotPerRecord() {
        CountingProvider apicurios = new CountingProvider(new DefaultAvroDatumProvider<>(true));
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>(apicurios);
        Schema today = ConversionCaptured.getClassSchema();
        // As the deserializer has them: each writer schema parsed from the registry's text.
        Schema todayAsServed = new Schema.Parser().parse(today.toString());
        Schema newerAsServed = new Schema.Parser().parse(TestEvents.NEWER_CONVERSION.toString());
        ConversionCaptured specific = TestEvents.conversion(1);
        Object generic = TestEvents.newerConversion(1);

        DatumWriter<Object> writer = provider.createDatumWriter(specific, today);
        DatumReader<Object> reader = provider.createDatumReader(todayAsServed);
        DatumReader<Object> newerReader = provider.createDatumReader(newerAsServed);
        for (int record = 0; record < 1_000; record++) {
            assertSame(writer, provider.createDatumWriter(specific, today));
            assertSame(reader, provider.createDatumReader(todayAsServed));
            assertSame(newerReader, provider.createDatumReader(newerAsServed));
            provider.createDatumWriter(generic, TestEvents.NEWER_CONVERSION);
        }

        assertEquals(Map.of("writer " + today.getFullName() + " specific", 1,
                "writer " + today.getFullName() + " generic", 1,
                "reader " + today.getFullName(), 2), apicurios.calls());
        assertNotSame(reader, newerReader, "each writer schema has its own resolving reader");
        assertSame(newerAsServed, ((GenericDatumReader<?>) newerReader).getSchema(), "reads what the newer writer wrote");
        assertSame(today, ((GenericDatumReader<?>) newerReader).getExpected(), "into today's class");
    }

    private Serializer<Object> serializer() {
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>(registry.resolver());
        serializer.configure(settings(), false);
        return serializer;
    }

    private Deserializer<Object> deserializer() {
        AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>(registry.<Object>resolver());
        deserializer.configure(settings(), false);
        return deserializer;
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(RegistryEventSerdes.avroSettings());
        settings.put(AvroSerdeConfig.REGISTRY_URL, "http://registry.invalid/apis/registry/v3");
        return settings;
    }

    /** Apicurio's provider, counting the calls in which it fingerprints a schema (each creation of a reader or writer). */
    private static final class CountingProvider implements AvroDatumProvider<Object> {

        private final AvroDatumProvider<Object> apicurios;
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        private CountingProvider(AvroDatumProvider<Object> apicurios) {
            this.apicurios = apicurios;
        }

        @Override
        public DatumWriter<Object> createDatumWriter(Object data, Schema schema) {
            count("writer " + schema.getFullName() + (data instanceof SpecificRecord ? " specific" : " generic"));
            return apicurios.createDatumWriter(data, schema);
        }

        @Override
        public DatumReader<Object> createDatumReader(Schema schema) {
            count("reader " + schema.getFullName());
            return apicurios.createDatumReader(schema);
        }

        @Override
        public Schema toSchema(Object data) {
            return apicurios.toSchema(data);
        }

        private void count(String call) {
            calls.computeIfAbsent(call, key -> new AtomicInteger()).incrementAndGet();
        }

        Map<String, Integer> calls() {
            Map<String, Integer> counted = new HashMap<>();
            calls.forEach((call, count) -> counted.put(call, count.get()));
            return counted;
        }
    }
}
