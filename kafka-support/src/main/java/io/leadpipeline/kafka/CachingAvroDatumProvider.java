package io.leadpipeline.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;

/**
 * Hand-written because Apicurio's {@link DefaultAvroDatumProvider} (3.1.7) fingerprints the schema anew for every record.
 *
 * <p>It rebuilds the schema's canonical form and fingerprints it ({@code SchemaNormalization}, 13–16% of the services'
 * CPU in the benchmark's flight recordings) only to find the reader or writer it has already cached; this remembers
 * that reader or writer per schema. They are the delegate's own, so what is chosen stays Apicurio's: a writer for the
 * data's kind (specific or generic), a reader resolving the record's writer schema to the generated class of the same
 * full name. The key is the writer schema: Avro caches a schema's hash and {@code equals} starts with identity, and
 * the serdes hand over the same instance for each registered schema, so a hit costs one map lookup; equal schemas
 * have the same fingerprint, for which the delegate would give the same reader anyway. A newer or older writer schema
 * of an event is another key with its own resolving reader. The maps are concurrent; the readers and writers are
 * shared between threads as the delegate already shares them (Avro keeps a reader's resolving decoder per thread).
 * They grow with the schemas seen, as the serdes' own schema caches do.
 */
public final class CachingAvroDatumProvider<T> implements AvroDatumProvider<T> {

    private final AvroDatumProvider<T> delegate;
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> genericWriters = new ConcurrentHashMap<>();

    /** The one Apicurio instantiates from {@code apicurio.registry.avro-datum-provider}. */
    public CachingAvroDatumProvider() {
        this(new DefaultAvroDatumProvider<>());
    }

    CachingAvroDatumProvider(AvroDatumProvider<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(AvroSerdeConfig config) {
        delegate.configure(config);
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        Map<Schema, DatumWriter<T>> writers = data instanceof SpecificRecord ? specificWriters : genericWriters;
        DatumWriter<T> writer = writers.get(schema);
        return writer != null ? writer : writers.computeIfAbsent(schema, key -> delegate.createDatumWriter(data, key));
    }

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        DatumReader<T> reader = readers.get(schema);
        return reader != null ? reader : readers.computeIfAbsent(schema, delegate::createDatumReader);
    }

    @Override
    public Schema toSchema(T data) {
        return delegate.toSchema(data);
    }
}
