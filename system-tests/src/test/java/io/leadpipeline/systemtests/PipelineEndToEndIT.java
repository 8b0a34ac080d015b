package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;

/**
 * Proves the pipeline end to end as a website drives it: a sales-ready form fill posted to capture becomes
 * exactly one handoff to a closer, a not-ready one exactly one nurture enrollment, and what lands on the
 * topics can be read by any Confluent client.
 */
@ExtendWith(SharedPipeline.class)
class PipelineEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final PersistentClient WEBSITE = new PersistentClient(Duration.ofSeconds(60));
    private static final Duration ARRIVAL = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(5);

    private static RunningPipeline pipeline;

    @BeforeAll
    static void startPipeline(RunningPipeline shared) throws Exception {
        pipeline = shared;
    }


    @Test
    void shouldHandOffTheSalesReadyLeadOnceAndNurtureTheOtherOnce() throws Exception {
        String salesReady = capture("""
                {"email": "jane.doe@acme-robotics.example", "formId": "demo-request", "formType": "DEMO_REQUEST",
                 "firstName": "Jane", "lastName": "Doe", "company": "Acme Robotics", "jobTitle": "VP of Sales",
                 "companySize": "500", "country": "US", "consent": {"marketing": true, "text": "v1"}}
                """);
        String notReady = capture("""
                {"email": "sam.student@gmail.com", "formId": "ebook", "formType": "CONTENT_DOWNLOAD",
                 "firstName": "Sam", "jobTitle": "Student", "consent": {"marketing": true, "text": "v1"}}
                """);

        try (TopicReader<LeadHandedOff> handoffs = reader("lead.handoffs");
                TopicReader<NurtureEnrollmentChanged> enrollments = reader("lead.nurture-enrollments")) {
            handoffs.await(r -> r.key().equals(salesReady), 1, ARRIVAL);
            enrollments.await(r -> r.key().equals(notReady), 1, ARRIVAL);

            List<ConsumerRecord<String, LeadHandedOff>> handedOff = handoffs.settle(r -> r.key().equals(salesReady), QUIET);
            assertEquals(1, handedOff.size(), "exactly one handoff for the sales-ready lead");
            LeadHandedOff handoff = handedOff.get(0).value();
            assertEquals("Acme Robotics", handoff.getLead().getContact().getCompany());
            assertTrue(handoff.getCloser().getEmail().contains("@"), "handed to a closer with an email");
            assertTrue(handoff.getLead().getReasons().size() > 0, "the handoff says why the lead is sales-qualified");
            assertEquals(0, handoffs.settle(r -> r.key().equals(notReady), Duration.ZERO).size(), "the other lead is not handed off");

            var enrolled = enrollments.settle(r -> r.key().equals(notReady), QUIET);
            assertEquals(1, enrolled.size(), "exactly one enrollment for the not-ready lead");
            assertInstanceOf(NurtureEnrolled.class, enrolled.get(0).value().getChange());
            assertEquals(0, enrollments.settle(r -> r.key().equals(salesReady), Duration.ZERO).size(), "the SQL lead is not nurtured");
        }
    }

    @Test
    void shouldWriteHandoffsAnyConfluentClientCanDecode() throws Exception {
        String leadId = capture("""
                {"email": "raj.patel@initech.example", "formId": "demo-request", "formType": "DEMO_REQUEST",
                 "firstName": "Raj", "company": "Initech", "jobTitle": "Head of Operations", "companySize": "1200"}
                """);

        try (TopicReader<byte[]> raw = new TopicReader<>(pipeline.stack().bootstrapServers(), "lead.handoffs",
                new ByteArrayDeserializer())) {
            byte[] value = raw.await(r -> r.key().equals(leadId), 1, ARRIVAL).get(0).value();

            // Confluent wire format: magic byte 0, then the schema id as a 4-byte big-endian int, then Avro binary.
            assertEquals(0, value[0], "magic byte");
            int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
            JsonNode registered = getJson(pipeline.stack().registryBaseUrl() + "/apis/ccompat/v7/schemas/ids/" + schemaId);
            Schema writerSchema = new Schema.Parser().parse(registered.get("schema").asText());
            GenericRecord handoff = new GenericDatumReader<GenericRecord>(writerSchema)
                    .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));

            assertEquals("io.leadpipeline.events.LeadHandedOff", writerSchema.getFullName());
            assertEquals(leadId, handoff.get("leadId").toString());
            assertEquals("Initech", ((GenericRecord) ((GenericRecord) handoff.get("lead")).get("contact")).get("company").toString());
            JsonNode subjects = getJson(pipeline.stack().registryBaseUrl() + "/apis/ccompat/v7/subjects");
            assertTrue(subjects.toString().contains("lead.handoffs-value"), "registered under the default subject <topic>-value");
        }
    }

    @Test
    void shouldRegisterPerTopicTheSchemaTheAsyncApiDocumentSays() throws Exception {
        String salesReady = capture("""
                {"email": "li.wei@umbrella.example", "formId": "demo-request", "formType": "DEMO_REQUEST",
                 "firstName": "Li", "company": "Umbrella", "jobTitle": "CTO", "companySize": "800"}
                """);
        String notReady = capture("""
                {"email": "kim.reader@yahoo.com", "formId": "newsletter", "formType": "NEWSLETTER_SIGNUP"}
                """);
        try (TopicReader<LeadHandedOff> handoffs = reader("lead.handoffs");
                TopicReader<NurtureEnrollmentChanged> enrollments = reader("lead.nurture-enrollments")) {
            assertEquals(1, handoffs.await(r -> r.key().equals(salesReady), 1, ARRIVAL).size());
            assertEquals(1, enrollments.await(r -> r.key().equals(notReady), 1, ARRIVAL).size());
        }

        Map<String, java.util.Optional<String>> documented = AsyncApiDocument.load(
                java.nio.file.Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize()).topicSchemas();
        java.util.Set<String> created;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers()))) {
            created = new java.util.TreeSet<>(admin.listTopics().names().get());
        }
        created.removeIf(topic -> !topic.startsWith("lead."));
        assertTrue(documented.keySet().containsAll(created), "every topic the services created is documented: "
                + created.stream().filter(t -> !documented.containsKey(t)).toList());
        java.util.Set<String> neverCreated = new java.util.TreeSet<>(documented.keySet());
        neverCreated.removeAll(created);
        assertEquals(java.util.Set.of("lead.dlq-replays"), neverCreated, "documented topics the running pipeline does not create");

        String base = pipeline.stack().registryBaseUrl() + "/apis/ccompat/v7/subjects";
        JsonNode subjects = getJson(base);
        assertTrue(subjects.size() >= 4, "conversions, decisions, handoffs and enrollments were registered: " + subjects);
        for (JsonNode subject : subjects) {
            String topic = subject.asText().replaceFirst("-value$", "");
            if (!topic.startsWith("lead.")) {
                continue; // a Kafka Streams app's internal repartition topic: not a contract
            }
            JsonNode latest = getJson(base + "/" + subject.asText() + "/versions/latest");
            Schema registered = new Schema.Parser().parse(latest.get("schema").asText());
            assertEquals(documented.get(topic), java.util.Optional.of(registered.getFullName()),
                    "docs/asyncapi.yaml documents the schema registered for " + topic);
        }
    }

    private String capture(String json) throws IOException, InterruptedException {
        // Posted as a browser would (no key): shed with a 429 when an earlier test class used up this IP's allowance.
        HttpResponse<String> response = WEBSITE.post(pipeline.url("capture-service", "/v1/conversions"), json, Map.of()).orElseThrow();
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("leadId").asText();
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + " → " + response.body());
        return JSON.readTree(response.body());
    }

    private static <T> TopicReader<T> reader(String topic) {
        return AvroTopicReaders.reader(pipeline.stack(), topic);
    }
}
