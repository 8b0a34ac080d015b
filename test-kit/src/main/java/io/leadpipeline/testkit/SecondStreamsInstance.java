package io.leadpipeline.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;

import io.leadpipeline.kafka.DeadLetterDeserializationHandler;

/**
 * A second Kafka Streams instance of a service's application beside the one a {@code @QuarkusTest} runs, for the tests
 * of queries across instances. It joins as a static member and leaves the group when closed: a plain member that
 * closes stays in the group until its session times out (Kafka Streams does not send a leave on close), and the
 * service's instance would wait that long for its partitions back, stalling the test classes after it. Closing waits
 * until the service's instance has taken every partition back and caught its stores up, so the next test class of the
 * same application never meets the rebalance this one caused (a 503 "rebalancing" in the middle of its requests).
 */
public final class SecondStreamsInstance {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** The group's rebalance after the leave plus the restore of the partitions that come back. */
    private static final Duration TAKE_BACK_TIMEOUT = Duration.ofSeconds(60);

    private SecondStreamsInstance() {
    }

    /** The settings of a second instance of {@code applicationId}, answering queries at {@code applicationServer}. */
    public static Properties settings(String applicationId, String bootstrapServers, String applicationServer, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        // Static membership is what lets close() take the member out of the group at once (see leave below).
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "second-instance-" + UUID.randomUUID());
        return props;
    }

    /**
     * Closes {@code second} and takes it out of the group, then waits until {@code service} (the application's
     * instance the test runs) is again the group's only member, running, with every store it holds caught up.
     */
    public static void leave(KafkaStreams second, KafkaStreams service) {
        second.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
        Awaitility.await("the service's instance takes back every partition").atMost(TAKE_BACK_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).until(() -> aloneAndCaughtUp(service));
    }

    private static boolean aloneAndCaughtUp(KafkaStreams service) {
        if (service.state() != KafkaStreams.State.RUNNING || service.metadataForAllStreamsClients().size() != 1) {
            return false;
        }
        // The lags cover every store partition assigned here, including those still restoring.
        Map<String, Map<Integer, LagInfo>> lags = service.allLocalStorePartitionLags();
        return !lags.isEmpty() && lags.values().stream().flatMap(partitions -> partitions.values().stream())
                .allMatch(lag -> lag.offsetLag() == 0);
    }
}
