package io.leadpipeline.nurture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.testkit.EventTopics;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.nurture.TestDecisions;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.config.Topics;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.rules.LiveRules;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SignedInAs;
import io.leadpipeline.testkit.TestTokens;

/**
 * Proves the GETs work with several instances: with a second instance sharing the partitions, every lead is
 * answered by either instance (forwarded to its owner when needed) and the track counts add up over both.
 */
@SignedInAs(Roles.MARKETING_OPS)
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(AdvertisedPortResource.class)
class NurtureInstancesTest {

    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String applicationId;

    @Inject
    LiveRules<NurtureRules> rules;

    @Inject
    KafkaStreams first;

    @Test
    void shouldAnswerEveryLeadFromEitherInstanceAndSumTheCountsOverBoth() throws Exception {
        try (SecondInstance second = new SecondInstance(first, applicationId, bootstrapServers, registryUrl,
                Files.createTempDirectory("nurture-second-instance"), rules.get())) {
            Awaitility.await().atMost(SETTLE).until(() -> runningWithWork(first) && runningWithWork(second.streams()));
            long educationBefore = activeIn("education");

            // Three leads whose partition the second instance owns, three the first owns.
            List<QualificationDecided> rejected = new ArrayList<>();
            int onSecond = 0;
            int onFirst = 0;
            for (int i = 0; onSecond < 3 || onFirst < 3; i++) {
                QualificationDecided decision = TestDecisions.rejected("reader-" + i + "@gmail.com", RejectionReason.NOT_A_FIT, true);
                KeyQueryMetadata owner = second.streams().queryMetadataForKey(Stores.LEADS, decision.getLeadId(), Serdes.String().serializer());
                boolean ownedBySecond = owner.activeHost().port() == second.port();
                if (ownedBySecond ? onSecond++ < 3 : onFirst++ < 3) {
                    rejected.add(decision);
                }
            }
            send(rejected);

            for (QualificationDecided decision : rejected) {
                String leadId = decision.getLeadId();
                Awaitility.await().atMost(SETTLE).untilAsserted(() -> given().get("/v1/leads/{id}/enrollments", leadId).then()
                        .statusCode(200).body("leadId", equalTo(leadId)).body("current.track", equalTo("education")));
                Awaitility.await().atMost(SETTLE).untilAsserted(() -> {
                    HttpResponse<String> viaSecond = HTTP.send(HttpRequest.newBuilder(
                            URI.create(second.url("/v1/leads/" + leadId + "/enrollments")))
                            .header("Authorization", TestTokens.bearer(Roles.MARKETING_OPS)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, viaSecond.statusCode(), viaSecond.body());
                    assertEquals(leadId, JsonPath.from(viaSecond.body()).getString("leadId"));
                    assertEquals("education", JsonPath.from(viaSecond.body()).getString("current.track"));
                });
            }

            Awaitility.await().atMost(SETTLE).untilAsserted(() -> assertEquals(educationBefore + rejected.size(), activeIn("education")));
            HttpResponse<String> tracksViaSecond = HTTP.send(HttpRequest.newBuilder(URI.create(second.url("/v1/tracks")))
                            .header("Authorization", TestTokens.bearer(Roles.MARKETING_OPS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(educationBefore + rejected.size(), JsonPath.from(tracksViaSecond.body()).getLong("tracks.find { it.id == 'education' }.active"),
                    "the second instance sums the same counts");
        }
    }

    private static boolean runningWithWork(KafkaStreams instance) {
        return instance.state() == KafkaStreams.State.RUNNING
                && instance.metadataForLocalThreads().stream().anyMatch(thread -> !thread.activeTasks().isEmpty());
    }

    /** Active enrollments in {@code track}, once both instances answer (a rebalance may still be settling). */
    private long activeIn(String track) {
        return Awaitility.await().atMost(SETTLE).until(() -> {
            Response response = given().get("/v1/tracks");
            return response.statusCode() == 200 && response.jsonPath().getBoolean("complete")
                    ? response.jsonPath().getLong("tracks.find { it.id == '" + track + "' }.active") : null;
        }, Objects::nonNull);
    }

    private void send(List<QualificationDecided> decisions) {
        new EventTopics(bootstrapServers, registryUrl).sendAll(decisions.stream()
                .map(decision -> new ProducerRecord<String, SpecificRecord>(Topics.DECISIONS, decision.getLeadId(), decision)).toList());
    }
}
