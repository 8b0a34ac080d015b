package io.leadpipeline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/**
 * Proves a conversion written with the released v1 schema, before {@code ContactDetails.employees} existed, reads with
 * today's classes: {@code employees} is null and the {@code companySize} text is kept, which is what readers fall back on.
 */
class ContactEmployeesEvolutionTest {

    @Test
    void shouldReadAConversionWrittenBeforeEmployeesWithNoEmployeesAndItsSizeText() throws IOException {
        Schema v1 = SchemaCompatibilityTest.parseAll(Path.of("released/v1")).get("io.leadpipeline.events.ConversionCaptured");
        // Built from the v1 schema itself (defaults filled in), as a consumer or an older capture wrote it.
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("conversionId", "c-1")
                .set("leadId", "l-1")
                .set("occurredAt", Instant.parse("2026-11-26T10:00:00Z").toEpochMilli())
                .set("receivedAt", Instant.parse("2026-11-26T10:00:00Z").toEpochMilli())
                .set("formId", "demo-request")
                .set("formType", new GenericData.EnumSymbol(v1.getField("formType").schema(), "DEMO_REQUEST"))
                .set("contact", new GenericRecordBuilder(v1.getField("contact").schema())
                        .set("email", "old@acme.example").set("companySize", "10000").build())
                .set("attribution", new GenericRecordBuilder(v1.getField("attribution").schema()).build())
                .set("consent", new GenericRecordBuilder(v1.getField("consent").schema()).set("marketingOptIn", true).build())
                .build();

        ConversionCaptured read = readWithTodaysClass(old, v1);

        assertEquals("10000", read.getContact().getCompanySize());
        assertNull(read.getContact().getEmployees());
    }

    private static ConversionCaptured readWithTodaysClass(GenericRecord record, Schema writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<ConversionCaptured>(writer, ConversionCaptured.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
