package io.leadpipeline.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.Schema;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.ParsedSchemaImpl;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;

/**
 * A schema registry held in memory, for driving Apicurio's own serializer and deserializer without HTTP: a writer's
 * schema gets the next id on first use (as auto-register does), and a reader gets it back by id parsed again from its
 * text, another instance, as the real registry serves it. Only the resolver is replaced; framing, ids and datum
 * handling are Apicurio's.
 */
final class InMemoryRegistry {

    private final Map<Schema, SchemaLookupResult<Schema>> registered = new ConcurrentHashMap<>();
    private final Map<Long, SchemaLookupResult<Schema>> served = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A resolver to hand to one serializer or deserializer (each configures its own with its parser). */
    <T> SchemaResolver<Schema, T> resolver() {
        return new Resolver<>();
    }

    private SchemaLookupResult<Schema> register(ParsedSchema<Schema> writer) {
        return registered.computeIfAbsent(writer.getParsedSchema(), schema -> {
            long id = ids.incrementAndGet();
            served.put(id, result(id, new Schema.Parser().parse(schema.toString())));
            return result(id, schema);
        });
    }

    private static SchemaLookupResult<Schema> result(long id, Schema schema) {
        ParsedSchemaImpl<Schema> parsed = new ParsedSchemaImpl<Schema>().setParsedSchema(schema)
                .setRawSchema(schema.toString().getBytes(StandardCharsets.UTF_8));
        return SchemaLookupResult.<Schema>builder().parsedSchema(parsed).globalId(id).contentId(id)
                .groupId("default").artifactId(schema.getFullName()).version("1").build();
    }

    private final class Resolver<T> implements SchemaResolver<Schema, T> {

        private SchemaParser<Schema, T> parser;

        @Override
        public void configure(Map<String, ?> config, SchemaParser<Schema, T> schemaParser) {
            parser = schemaParser;
        }

        @Override
        public void setClientFacade(RegistryClientFacade clientFacade) {
            // no HTTP client: the schemas are in memory
        }

        @Override
        public void setArtifactResolverStrategy(ArtifactReferenceResolverStrategy<Schema, T> strategy) {
            // one artifact per schema
        }

        @Override
        public SchemaParser<Schema, T> getSchemaParser() {
            return parser;
        }

        @Override
        public SchemaLookupResult<Schema> resolveSchema(Record<T> data) {
            return register(parser.getSchemaFromData(data));
        }

        @Override
        public SchemaLookupResult<Schema> resolveSchemaByArtifactReference(ArtifactReference reference) {
            Long id = reference.getContentId() != null ? reference.getContentId() : reference.getGlobalId();
            SchemaLookupResult<Schema> found = id == null ? null : served.get(id);
            if (found == null) {
                throw new IllegalStateException("No schema with id " + id);
            }
            return found;
        }

        @Override
        public void reset() {
            // nothing cached beyond the registry itself
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
