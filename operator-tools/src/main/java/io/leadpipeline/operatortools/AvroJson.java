package io.leadpipeline.operatortools;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders an Avro value as plain JSON for people: union branches unwrapped, timestamps as ISO-8601 instants. */
final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    static JsonNode toJson(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> {
                GenericRecord record = (GenericRecord) value;
                ObjectNode node = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    node.set(field.name(), toJson(record.get(field.pos()), field.schema()));
                }
                yield node;
            }
            case UNION -> toJson(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            case ARRAY -> {
                ArrayNode node = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    node.add(toJson(item, schema.getElementType()));
                }
                yield node;
            }
            case MAP -> {
                ObjectNode node = NODES.objectNode();
                ((Map<?, ?>) value).forEach((key, item) -> node.set(key.toString(), toJson(item, schema.getValueType())));
                yield node;
            }
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? NODES.textNode(Instant.ofEpochMilli((Long) value).toString())
                    : NODES.numberNode((Long) value);
            case INT -> NODES.numberNode((Integer) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(toArray((ByteBuffer) value)));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case STRING, ENUM -> NODES.textNode(value.toString());
            case NULL -> NODES.nullNode();
        };
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
