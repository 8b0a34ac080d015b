package io.leadpipeline.operatortools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decodes a record value the way any Confluent client does: magic byte 0, a 4-byte big-endian schema id, then
 * plain Avro binary; the writer schema comes from the registry's Confluent-compatible API
 * ({@code /apis/ccompat/v7/schemas/ids/{id}}). Nothing Apicurio-specific is used.
 */
public final class ConfluentAvroDecoder {

    public static final byte MAGIC_BYTE = 0;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a schema fetch may take: a registry that accepts the connection and never answers fails the read. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String registryBaseUrl;
    private final Duration requestTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    public ConfluentAvroDecoder(String registryBaseUrl) {
        this(registryBaseUrl, REQUEST_TIMEOUT);
    }

    ConfluentAvroDecoder(String registryBaseUrl, Duration requestTimeout) {
        this.registryBaseUrl = registryBaseUrl;
        this.requestTimeout = requestTimeout;
    }

    /** The schema id of a Confluent-framed value; throws if the value is not in that format. */
    public static int schemaId(byte[] value) {
        if (value == null || value.length < 5 || value[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException("Not in the Confluent wire format (magic byte 0 + 4-byte schema id)");
        }
        return ByteBuffer.wrap(value, 1, 4).getInt();
    }

    public GenericRecord decode(byte[] value) {
        int id = schemaId(value);
        Schema schema = schemas.computeIfAbsent(id, this::fetchSchema);
        try {
            return new GenericDatumReader<GenericRecord>(schema)
                    .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
        } catch (IOException e) {
            throw new IllegalArgumentException("Value does not match schema " + id + ": " + e.getMessage(), e);
        }
    }

    public Schema fetchSchema(int id) {
        String url = registryBaseUrl + "/apis/ccompat/v7/schemas/ids/" + id;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot fetch schema " + id + " from " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
