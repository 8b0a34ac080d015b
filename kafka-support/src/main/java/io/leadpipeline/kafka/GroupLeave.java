package io.leadpipeline.kafka;

import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;

/**
 * How a Kafka Streams service stops on purpose (a deploy, a scale-down, {@code ./pipeline down}): it leaves its group
 * as it closes, so the other instances take its partitions at once. Quarkus closes Kafka Streams without that, and a
 * Kafka Streams member that closes stays in the group until its session times out (10 s here), so the leads on its
 * partitions would wait that long on every restart. Kafka Streams can only take a static member out of the group
 * ({@code KafkaStreams.CloseOptions#leaveGroup}), which is why each service gives its consumers a
 * {@code group.instance.id} of their own (service-support's {@code microprofile-config.properties}). A crash that
 * nothing restarts still costs the session timeout: nothing is left to say goodbye.
 */
public final class GroupLeave {

    /** Long enough to commit the open transactions and flush the stores; Quarkus' own close has no limit at all. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private GroupLeave() {
    }

    /** Closes {@code streams}, leaving the group: call it before Quarkus closes them (its close then has nothing left to do). */
    public static void closeAndLeave(KafkaStreams streams) {
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
    }
}
