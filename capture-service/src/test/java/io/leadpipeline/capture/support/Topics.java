package io.leadpipeline.capture.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.testkit.EventTopics;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementTracked;
import io.restassured.http.ContentType;

/** Reads capture's topics through the registry, as a downstream consumer would. */
public final class Topics {

    public static final Duration ARRIVAL = Duration.ofSeconds(60);

    private Topics() {
    }

    public static TopicReader<ConversionCaptured> conversions() {
        return reader(io.leadpipeline.capture.config.Topics.CONVERSIONS);
    }

    public static TopicReader<EngagementTracked> engagements() {
        return reader(io.leadpipeline.capture.config.Topics.ENGAGEMENTS);
    }

    /**
     * The conversions with this id, once at least one arrived, read up to the topic's end as of then: capture answers
     * only after the broker acknowledged, so a second record of the same request would already be there.
     */
    public static List<ConversionCaptured> conversionsWithId(String conversionId) {
        try (TopicReader<ConversionCaptured> reader = conversions()) {
            reader.await(r -> r.value().getConversionId().equals(conversionId), 1, ARRIVAL);
            return reader.upToNow(r -> r.value().getConversionId().equals(conversionId)).stream()
                    .map(ConsumerRecord::value).toList();
        }
    }

    /** Exactly one conversion with this id is on the topic; returns it. */
    public static ConversionCaptured onlyConversion(String conversionId) {
        List<ConversionCaptured> written = conversionsWithId(conversionId);
        assertEquals(1, written.size(), "exactly one record of conversion " + conversionId);
        return written.get(0);
    }

    /**
     * Proves no conversion matching {@code rejected} was written: a valid marker conversion posted afterwards is on
     * the topic, and nothing written up to then (every earlier request was answered before it) matches.
     */
    public static void assertNoConversion(Predicate<ConversionCaptured> rejected) {
        String marker = given().contentType(ContentType.JSON)
                .body("{\"email\": \"marker-" + UUID.randomUUID() + "@example.org\", \"formId\": \"newsletter\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        try (TopicReader<ConversionCaptured> reader = conversions()) {
            assertEquals(1, reader.await(r -> r.value().getConversionId().equals(marker), 1, ARRIVAL).size(), "the marker arrived");
            assertTrue(reader.upToNow(r -> rejected.test(r.value())).isEmpty(), "a rejected conversion is never written");
        }
    }

    private static <T> TopicReader<T> reader(String topic) {
        var config = ConfigProvider.getConfig();
        return new EventTopics(config.getValue("kafka.bootstrap.servers", String.class),
                config.getValue("apicurio.registry.url", String.class)).reader(topic);
    }
}
