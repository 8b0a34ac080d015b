package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.leadpipeline.capture.config.Topics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.kafka.LeadIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Proves POST /v1/conversions writes exactly what was submitted to lead.conversions, and writes nothing for bad input. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class ConversionResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @Test
    void shouldAnswer202OnlyAfterTheConversionIsOnTheTopic() {
        String conversionId = given().contentType(ContentType.JSON).body("""
                {"email": "  Ada.Lovelace@Analytical.example ", "formId": "demo-request", "formType": "DEMO_REQUEST",
                 "firstName": "Ada", "lastName": "Lovelace", "company": "Analytical Engines", "jobTitle": "VP Engineering",
                 "country": "GB", "companySize": "500", "pageUrl": "https://www.example.com/demo",
                 "utm": {"source": "google", "campaign": "q4-demo"}, "consent": {"marketing": true, "text": "v3"},
                 "fields": {"product": "pipeline"}}
                """)
                .when().post("/v1/conversions")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("leadId", equalTo(LeadIds.fromEmail("ada.lovelace@analytical.example")))
                .extract().path("conversionId");

        try (TopicReader<ConversionCaptured> reader = reader()) {
            List<ConsumerRecord<String, ConversionCaptured>> written = reader.await(
                    r -> r.value().getConversionId().equals(conversionId), 1, Duration.ofSeconds(30));
            assertEquals(1, written.size());
            ConversionCaptured conversion = written.get(0).value();
            assertEquals(LeadIds.fromEmail("ada.lovelace@analytical.example"), written.get(0).key(), "keyed by lead id");
            assertEquals("ada.lovelace@analytical.example", conversion.getContact().getEmail());
            assertEquals("Analytical Engines", conversion.getContact().getCompany());
            assertEquals(FormType.DEMO_REQUEST, conversion.getFormType());
            assertEquals("q4-demo", conversion.getAttribution().getUtmCampaign());
            assertTrue(conversion.getConsent().getMarketingOptIn());
            assertEquals(Map.of("product", "pipeline"), conversion.getCustomFields());
        }
    }

    @Test
    void shouldRejectAnInvalidEmailWithProblemJsonAndWriteNothing() {
        given().contentType(ContentType.JSON).body("""
                {"email": "not-an-email", "formId": "demo-request", "company": "Nowhere Ltd"}
                """)
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("email"));
        // A valid conversion afterwards marks the point up to which the topic must not hold the rejected one.
        String marker = given().contentType(ContentType.JSON).body("""
                {"email": "marker@example.org", "formId": "newsletter"}
                """).when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");

        try (TopicReader<ConversionCaptured> reader = reader()) {
            reader.await(r -> r.value().getConversionId().equals(marker), 1, Duration.ofSeconds(30));
            assertFalse(reader.all().isEmpty());
            assertTrue(reader.all().stream().noneMatch(r -> "Nowhere Ltd".equals(r.value().getContact().getCompany())),
                    "a rejected conversion is never written");
        }
    }

    @Test
    void shouldNameEveryMissingFieldAndAnswerMalformedJsonWithProblemJson() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("email", "formId")));
        given().contentType(ContentType.JSON).body("{\"email\": ")
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"));
    }

    private TopicReader<ConversionCaptured> reader() {
        AvroKafkaDeserializer<ConversionCaptured> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.REGISTRY_URL, registryUrl, AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        return new TopicReader<>(bootstrapServers, Topics.CONVERSIONS, deserializer);
    }
}
