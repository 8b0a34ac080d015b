package io.leadpipeline.service.query;

import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance owns a key of a Kafka Streams store right now, as {@link KeyOwners} finds it: this one (read the
 * store here), another one (forward the request to its HTTP address), or none (rebalancing or not running: answer 503
 * with {@link io.leadpipeline.service.Problem#retryLater}).
 */
public sealed interface KeyOwner {

    /** This instance runs the active task of the key's partition; its store may still be restoring, so a read may refuse. */
    record Local(int partition) implements KeyOwner {
    }

    /** Another instance owns the key's partition: {@code host} is its advertised {@code application.server}. */
    record Elsewhere(HostInfo host) implements KeyOwner {
    }

    /** No instance can answer for the key now. */
    record Unavailable(Reason reason) implements KeyOwner {

        public enum Reason {
            /** Kafka Streams has not started, or has stopped. */
            NOT_RUNNING,
            /** The key's partition has no active owner while the instances rebalance. */
            REBALANCING
        }
    }
}
