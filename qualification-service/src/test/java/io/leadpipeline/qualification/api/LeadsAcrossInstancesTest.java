package io.leadpipeline.qualification.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.qualification.TestConversions;
import io.leadpipeline.testkit.EventTopics;
import io.leadpipeline.qualification.config.ScoringRuleSet;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.config.Topics;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.qualification.streams.QualificationTopology;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SecondStreamsInstance;
import io.leadpipeline.testkit.SignedInAs;

/**
 * Proves GET /v1/leads works when two instances share the leads: a second Kafka Streams instance of the same
 * application (its HTTP side a minimal server over its own store) takes some partitions, and the service answers
 * for a lead the other instance owns by proxying the request to it.
 */
@SignedInAs(Roles.MARKETING_OPS)
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class LeadsAcrossInstancesTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(120);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String applicationId;

    @Inject
    KafkaStreams service;

    @Test
    void shouldAnswerForALeadOwnedByAnotherInstanceByAskingIt() throws Exception {
        HttpServer otherHttp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HostInfo otherHost = new HostInfo("127.0.0.1", otherHttp.getAddress().getPort());
        Path stateDir = Files.createTempDirectory("qualification-second-instance");
        KafkaStreams other = new KafkaStreams(QualificationTopology.build(new RegistryEventSerdes(registryUrl),
                new Qualification(ScoringRuleSet.defaults()), Duration.ofHours(1)), SecondStreamsInstance.settings(applicationId, bootstrapServers, otherHost.host() + ":" + otherHost.port(), stateDir));
        otherHttp.createContext("/v1/leads/", exchange -> {
            String leadId = exchange.getRequestURI().getPath().substring("/v1/leads/".length());
            ReadOnlyKeyValueStore<String, LeadProfile> store = other.store(StoreQueryParameters.fromNameAndType(
                    Stores.LEAD_PROFILES, QueryableStoreTypes.keyValueStore()));
            LeadProfile profile = store.get(leadId);
            boolean forwarded = exchange.getRequestHeaders().containsKey("X-Lead-Pipeline-Forwarded");
            byte[] body = ("{\"leadId\":\"" + leadId + "\",\"stage\":\"" + (profile == null ? null : profile.stage())
                    + "\",\"servedBy\":\"second-instance\",\"forwarded\":" + forwarded + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(profile == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        otherHttp.start();
        other.start();
        try {
            EventTopics kafka = new EventTopics(bootstrapServers, registryUrl);
            List<String> leadIds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ConversionCaptured demo = TestConversions.salesReady("buyer" + i + "@shared.example");
                kafka.send(Topics.CONVERSIONS, demo.getLeadId(), demo);
                leadIds.add(demo.getLeadId());
            }

            // Kafka Streams may move partitions between the two instances while they settle (probing rebalances), so
            // each attempt picks a lead the second instance owns at that moment.
            await().atMost(ARRIVAL).untilAsserted(() -> {
                String remoteLead = ownedBy(other, otherHost, leadIds);
                assertNotNull(remoteLead, "the second instance owns and has stored one of the leads");
                given().when().get("/v1/leads/" + remoteLead)
                        .then().statusCode(200)
                        .body("servedBy", equalTo("second-instance"))
                        .body("forwarded", equalTo(true))
                        .body("stage", equalTo("SQL"));
            });
            await().atMost(ARRIVAL).untilAsserted(() -> {
                String localLead = leadIds.stream().filter(lead -> !otherHost.equals(activeHost(other, lead))).findFirst().orElseThrow();
                given().when().get("/v1/leads/" + localLead)
                        .then().statusCode(200)
                        .body("leadId", equalTo(localLead))
                        .body("stage", equalTo("SQL"));
            });
            assertTrue(other.state().isRunningOrRebalancing());
        } finally {
            SecondStreamsInstance.leave(other, service);
            other.cleanUp();
            otherHttp.stop(0);
        }
    }

    /** A lead the second instance owns and has stored, once it has some partitions. */
    private static String ownedBy(KafkaStreams other, HostInfo otherHost, List<String> leadIds) {
        if (other.state() != KafkaStreams.State.RUNNING) {
            return null;
        }
        for (String lead : leadIds) {
            if (otherHost.equals(activeHost(other, lead))) {
                try {
                    LeadProfile profile = other.store(StoreQueryParameters.fromNameAndType(Stores.LEAD_PROFILES,
                            QueryableStoreTypes.<String, LeadProfile>keyValueStore())).get(lead);
                    if (profile != null) {
                        return lead;
                    }
                } catch (RuntimeException e) {
                    return null; // still restoring
                }
            }
        }
        return null;
    }

    private static HostInfo activeHost(KafkaStreams streams, String leadId) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(Stores.LEAD_PROFILES, leadId, Serdes.String().serializer());
        return metadata == null ? null : metadata.activeHost();
    }
}
