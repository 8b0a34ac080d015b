package io.leadpipeline.routing.api;

import java.util.ArrayList;
import java.util.List;
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
import io.leadpipeline.routing.domain.RoutingCase;
import io.leadpipeline.routing.streams.AnsweredCommand;

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

    DeskReader(KafkaStreams streams) {
        this.handoffs = store(streams, Stores.HANDOFFS);
        this.loads = store(streams, Stores.CLOSER_LOAD);
        this.availability = store(streams, Stores.CLOSER_AVAILABILITY);
        this.commandResults = store(streams, Stores.COMMAND_RESULTS);
        this.cases = store(streams, Stores.ROUTING_CASES);
        this.waiting = store(streams, Stores.WAITING_LEADS);
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

    /** The leads waiting for a closer, oldest first. */
    public List<RoutingCase> waitingLeads() {
        List<RoutingCase> result = new ArrayList<>();
        try (KeyValueIterator<String, String> all = waiting.all()) {
            all.forEachRemaining(entry -> Optional.ofNullable(cases.get(entry.value))
                    .filter(routingCase -> routingCase.status() == CaseStatus.WAITING)
                    .ifPresent(result::add));
        }
        return result;
    }
}
