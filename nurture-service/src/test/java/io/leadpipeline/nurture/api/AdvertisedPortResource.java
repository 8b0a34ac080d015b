package io.leadpipeline.nurture.api;

import java.util.Map;

import io.leadpipeline.devstack.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the service under test a known free HTTP port and advertises it as its Kafka Streams application server,
 * so another instance can forward interactive queries to it (a random test port would not be known in advance).
 */
public class AdvertisedPortResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = FreePorts.next();
        return Map.of("quarkus.http.test-port", Integer.toString(port),
                "quarkus.kafka-streams.application-server", "localhost:" + port);
    }

    @Override
    public void stop() {
    }
}
