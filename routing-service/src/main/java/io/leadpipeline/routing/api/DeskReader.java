package io.leadpipeline.routing.api;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.domain.Availability;
import io.leadpipeline.routing.domain.CaseStatus;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.domain.QueueLanes;
import io.leadpipeline.routing.domain.RoutingCase;
import io.leadpipeline.routing.streams.AnsweredCommand;
import io.leadpipeline.routing.streams.QueueKeys;

/**
 * Read access to the routing desk's stores on the instance that hosts the desk (interactive queries). Creating
 * one throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException} when the desk is not here or not
 * ready.
 */
public final class DeskReader {

    private final ReadOnlyKeyValueStore<String, Handoff> handoffs;
    private final ReadOnlyKeyValueStore<String, Integer> loads;
    private final ReadOnlyKeyValueStore<String, Availability> availability;
    private final ReadOnlyKeyValueStore<String, AnsweredCommand> commandResults;
    private final ReadOnlyKeyValueStore<String, RoutingCase> cases;
    private final ReadOnlyKeyValueStore<String, String> waiting;
    private final ReadOnlyKeyValueStore<String, Integer> laneSizes;

    DeskReader(KafkaStreams streams) {
        this.handoffs = store(streams, Stores.HANDOFFS);
        this.loads = store(streams, Stores.CLOSER_LOAD);
        this.availability = store(streams, Stores.CLOSER_AVAILABILITY);
        this.commandResults = store(streams, Stores.COMMAND_RESULTS);
        this.cases = store(streams, Stores.ROUTING_CASES);
        this.waiting = store(streams, Stores.WAITING_LEADS);
        this.laneSizes = store(streams, Stores.QUEUE_LANE_SIZES);
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    public Optional<Handoff> handoff(String handoffId) {
        return Optional.ofNullable(handoffs.get(handoffId));
    }

    public int openHandoffs(String closerId) {
        return Optional.ofNullable(loads.get(closerId)).orElse(0);
    }

    public Optional<Availability> availability(String closerId) {
        return Optional.ofNullable(availability.get(closerId));
    }

    public Optional<AnsweredCommand> commandResult(String commandId) {
        return Optional.ofNullable(commandResults.get(commandId));
    }

    /** How many leads wait in the pool's queue. */
    public int waitingCount(String poolId) {
        return Optional.ofNullable(laneSizes.get(QueueLanes.pool(poolId))).orElse(0);
    }

    /** When the lead at the front of the pool's queue started waiting, if one waits. */
    public Optional<Instant> frontWaitingSince(String poolId) {
        String lane = QueueLanes.pool(poolId);
        try (KeyValueIterator<String, String> front = waiting.range(QueueKeys.laneStart(lane), QueueKeys.laneEnd(lane))) {
            return front.hasNext() ? Optional.ofNullable(cases.get(front.next().value))
                    .filter(routingCase -> routingCase.status() == CaseStatus.WAITING)
                    .map(RoutingCase::waitingFrom) : Optional.empty();
        }
    }
}
