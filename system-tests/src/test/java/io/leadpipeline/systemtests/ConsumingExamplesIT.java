package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.examples.HandoffsConsumer;

/**
 * Runs the examples of docs/consuming.md against the real pipeline, as a downstream team would run them: the stock Java
 * consumer and the Node.js one (its npm packages installed from its lock file) each receive the handoff of a lead
 * captured here, decoded through the registry, and the Node lead-id helper computes the id capture answered with.
 */
@ExtendWith(SharedPipeline.class)
class ConsumingExamplesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PersistentClient WEBSITE = new PersistentClient(Duration.ofSeconds(60));
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    private static final Path NODE_EXAMPLE = NodeTool.folder("docs/examples/node");

    private static RunningPipeline pipeline;

    @BeforeAll
    static void usePipeline(RunningPipeline shared) {
        pipeline = shared;
    }

    @Test
    void shouldReceiveAHandoffWithTheStockJavaConsumer() throws Exception {
        String leadId = captureSalesReady("grace.hopper@harbor-systems.example", "Harbor Systems");

        List<ConsumerRecord<String, GenericRecord>> handoffs = HandoffsConsumer.read(
                HandoffsConsumer.config(pipeline.stack().bootstrapServers(), pipeline.stack().registryBaseUrl(), "example-" + UUID.randomUUID()),
                "lead.handoffs", leadId, 1, ARRIVAL);

        assertEquals(1, handoffs.size(), "the example consumer received the lead's handoff");
        GenericRecord contact = (GenericRecord) ((GenericRecord) handoffs.get(0).value().get("lead")).get("contact");
        assertEquals("Harbor Systems", contact.get("company").toString());
        assertTrue(((GenericRecord) handoffs.get(0).value().get("closer")).get("email").toString().contains("@"));
    }

    @Test
    void shouldReceiveAHandoffWithTheNodeConsumerAndComputeTheLeadId() throws Exception {
        String email = "ada.byron@analytical-engines.example";
        String leadId = captureSalesReady(email, "Analytical Engines");
        NodeTool.install(NODE_EXAMPLE);

        NodeTool.Output computed = NodeTool.run(NODE_EXAMPLE, List.of("node", "lead-id.mjs", "  Ada.Byron@Analytical-Engines.example "),
                Map.of(), Duration.ofSeconds(30));
        NodeTool.Output consumed = NodeTool.run(NODE_EXAMPLE, List.of("node", "consume-handoffs.mjs"), Map.of(
                "KAFKA_BOOTSTRAP", pipeline.stack().bootstrapServers(),
                "REGISTRY_URL", pipeline.stack().registryBaseUrl(),
                "GROUP_ID", "example-node-" + UUID.randomUUID(),
                "FROM_BEGINNING", "true",
                "LEAD_ID", leadId,
                "MAX_MESSAGES", "1",
                "TIMEOUT_MS", Long.toString(ARRIVAL.toMillis())), ARRIVAL.plusSeconds(30));

        assertEquals(leadId, computed.text().strip(), "the lead id of the email, as capture computed it");
        JsonNode line = JSON.readTree(consumed.text().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow(
                () -> new AssertionError("no record printed:\n" + consumed.text())));
        assertEquals("lead.handoffs", line.get("topic").asText());
        assertEquals(leadId, line.get("key").asText());
        assertEquals("Analytical Engines", line.at("/value/lead/contact/company").asText(), line.toString());
    }

    private String captureSalesReady(String email, String company) throws Exception {
        String body = """
                {"email": "%s", "formId": "demo-request", "formType": "DEMO_REQUEST", "firstName": "Pat", "company": "%s",
                 "jobTitle": "VP of Sales", "companySize": "500", "country": "US"}""".formatted(email, company);
        var response = WEBSITE.post(pipeline.url("capture-service", "/v1/conversions"), body, Map.of()).orElseThrow();
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("leadId").asText();
    }

}
