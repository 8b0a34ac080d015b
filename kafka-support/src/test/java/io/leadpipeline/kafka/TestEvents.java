package io.leadpipeline.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.MarketingConsent;

/** Conversions as capture writes them, and the same facts written with another version of the schema. */
final class TestEvents {

    static final String TOPIC = "lead.conversions";

    /**
     * A later writer's schema of {@link ConversionCaptured}: a field more ({@code campaignNote}) and a field fewer
     * ({@code sourceTrusted}, whose default a reader of today's class fills in).
     */
    static final Schema NEWER_CONVERSION = new Schema.Parser().parse(ConversionCaptured.getClassSchema().toString()
            .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"campaignNote\",\"type\":\"string\"},")
            .replaceFirst(",\\{\"name\":\"sourceTrusted\",[^}]*\\}", ""));

    private TestEvents() {
    }

    static ConversionCaptured conversion(long n) {
        Instant at = Instant.ofEpochMilli(1_764_600_000_000L + n);
        String email = "ava.stone+" + n + "@northwind.example";
        return ConversionCaptured.newBuilder()
                .setConversionId("conversion-" + n)
                .setLeadId(LeadIds.fromEmail(email))
                .setOccurredAt(at)
                .setReceivedAt(at.plusMillis(40))
                .setFormId("demo-request")
                .setFormType(FormType.DEMO_REQUEST)
                .setSiteId("northwind-www")
                .setContact(ContactDetails.newBuilder().setEmail(email).setFirstName("Ava").setLastName("Stone")
                        .setCompany("Northwind " + n).setJobTitle("VP of Sales").setCountry("US")
                        .setCompanySize("201-500").setEmployees(201).build())
                .setAttribution(Attribution.newBuilder().setPageUrl("https://northwind.example/demo")
                        .setUtmSource("newsletter").setUtmCampaign("spring").build())
                .setConsent(MarketingConsent.newBuilder().setMarketingOptIn(true).setText("consent-v3").build())
                .setCustomFields(Map.of("seats", Long.toString(n % 50)))
                .setSourceTrusted(true)
                .build();
    }

    /** The same conversion as a later writer, knowing no generated class, writes it with {@link #NEWER_CONVERSION}. */
    static GenericRecord newerConversion(long n) {
        GenericRecord today = generic(conversion(n));
        GenericData.Record newer = new GenericData.Record(NEWER_CONVERSION);
        for (Schema.Field field : NEWER_CONVERSION.getFields()) {
            newer.put(field.name(), field.name().equals("campaignNote") ? "spring launch " + n : today.get(field.name()));
        }
        return newer;
    }

    /** The event as plain generic data (nested records, enum symbols, times as epoch millis), through Avro binary. */
    private static GenericRecord generic(ConversionCaptured event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<ConversionCaptured>(ConversionCaptured.getClassSchema()).write(event, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(ConversionCaptured.getClassSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What today's class reads from {@link #newerConversion}: the same, with {@code sourceTrusted} at its default. */
    static ConversionCaptured readFromNewer(long n) {
        return ConversionCaptured.newBuilder(conversion(n)).setSourceTrusted(false).build();
    }
}
