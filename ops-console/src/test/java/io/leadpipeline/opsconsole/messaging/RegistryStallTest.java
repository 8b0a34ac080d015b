package io.leadpipeline.opsconsole.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.leadpipeline.service.KafkaClientSettings;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.opsconsole.PipelineTraffic;
import io.leadpipeline.opsconsole.RoutingRosterStub;
import io.leadpipeline.opsconsole.config.ConsoleSettings;
import io.leadpipeline.opsconsole.config.Topics;
import io.leadpipeline.opsconsole.domain.OpsView;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;

/**
 * Proves that while the registry accepts connections but does not answer, a console reader keeps polling, says it
 * waits for the registry and skips nothing, and that once the registry answers it reads every record the console's own
 * reader (with a working registry) read. On the real broker and registry, through a link that can go silent.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(RoutingRosterStub.class)
class RegistryStallTest {

    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @Inject
    ConsoleSettings settings;

    @Inject
    Vertx vertx;

    @Inject
    OpsView consoleView;

    @Inject
    PipelineReader consoleReader;

    @Inject
    KafkaClientSettings kafka;

    @Test
    void shouldKeepPollingAndSkipNothingWhileTheRegistryIsSilentAndReadEverythingOnceItAnswers() throws Exception {
        String leadId;
        try (PipelineTraffic traffic = new PipelineTraffic(bootstrapServers, registryUrl)) {
            leadId = traffic.requalifiedNurtureLead("stall-" + UUID.randomUUID() + "@gmail.example");
        }
        OpsView view = new OpsView(settings.limits().toViewLimits(), Topics.PIPELINE);
        try (RegistryLink link = new RegistryLink(URI.create(registryUrl))) {
            PipelineReader reader = new PipelineReader(view, new OwnReader(settings), kafka, link.url(), vertx);
            reader.start(null);
            try {
                await().atMost(PATIENCE).untilAsserted(() -> {
                    ReaderStatus status = reader.status();
                    assertEquals("WAITING_FOR_REGISTRY", status.state());
                    assertTrue(status.lastProblem().startsWith("Registry unreachable"), status.lastProblem());
                });
                Instant waitingAt = reader.status().lastPollAt();
                await().atMost(PATIENCE).until(() -> reader.status().lastPollAt().isAfter(waitingAt.plus(REGISTRY_TIMEOUT.multipliedBy(3))));
                assertEquals("WAITING_FOR_REGISTRY", reader.status().state(), "it polls on while it waits");
                assertEquals(Optional.empty(), view.journey(leadId), "the lead's events wait for the registry");

                link.answer();

                await().atMost(PATIENCE).untilAsserted(() -> {
                    assertEquals(7, view.journey(leadId).map(journey -> journey.events().size()).orElse(0));
                    assertTrue(reader.status().caughtUp() && consoleReader.status().caughtUp());
                    assertEquals(consoleView.readStats().eventsApplied(), view.readStats().eventsApplied(),
                            "every event the console's reader took in");
                    assertEquals(consoleView.readStats().unreadable(), view.readStats().unreadable(),
                            "and no record more skipped as unreadable");
                });
                assertEquals("READING", reader.status().state());
            } finally {
                reader.stop(null);
            }
        }
    }

    /** The console's settings with a group of the test reader's own and a short registry timeout. */
    private record OwnReader(ConsoleSettings console, String groupId) implements ConsoleSettings {

        OwnReader(ConsoleSettings console) {
            this(console, "ops-console-stall-test-" + UUID.randomUUID());
        }

        @Override
        public Duration registryTimeout() {
            return REGISTRY_TIMEOUT;
        }

        @Override
        public List<String> serviceGroups() {
            return console.serviceGroups();
        }

        @Override
        public Duration lagInterval() {
            return console.lagInterval();
        }

        @Override
        public Optional<URI> routingUrl() {
            return console.routingUrl();
        }

        @Override
        public Optional<String> routingToken() {
            return console.routingToken();
        }

        @Override
        public Duration rosterInterval() {
            return console.rosterInterval();
        }

        @Override
        public Duration streamInterval() {
            return console.streamInterval();
        }

        @Override
        public Duration decodeRetry() {
            return console.decodeRetry();
        }

        @Override
        public Limits limits() {
            return console.limits();
        }
    }
}
