package io.leadpipeline.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import io.leadpipeline.kafka.DeadLetterDeserializationHandler;

/**
 * A second Kafka Streams instance of a service's application beside the one a {@code @QuarkusTest} runs, for the tests
 * of queries across instances. It joins as a static member and leaves the group when closed: a plain member that
 * closes stays in the group until its session times out (Kafka Streams does not send a leave on close), and the
 * service's instance would wait that long for its partitions back, stalling the test classes after it.
 */
public final class SecondStreamsInstance {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

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

    /** Closes the instance and takes it out of the group, so its partitions go back to the service's instance now. */
    public static void leave(KafkaStreams streams) {
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
    }
}
