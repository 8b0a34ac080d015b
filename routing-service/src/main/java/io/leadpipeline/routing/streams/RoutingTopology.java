package io.leadpipeline.routing.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.config.Topics;
import io.leadpipeline.routing.domain.RoundRobin;

/** SQL decisions from lead.decisions → a closer from the pool → LeadHandedOff on lead.handoffs. */
public final class RoutingTopology {

    private RoutingTopology() {
    }

    public static Topology build(EventSerdes serdes, String pool, RoundRobin rotation, Duration sla) {
        StreamsBuilder builder = new StreamsBuilder();
        StoreBuilder<KeyValueStore<String, String>> handoffs = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.HANDOFFS_BY_DECISION),
                Serdes.String(), Serdes.String());
        StoreBuilder<KeyValueStore<String, Long>> positions = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.POOL_ROTATION),
                Serdes.String(), Serdes.Long());
        builder.addStateStore(handoffs);
        builder.addStateStore(positions);

        builder.stream(Topics.DECISIONS, Consumed.with(Serdes.String(), serdes.valueSerde(QualificationDecided.class)))
                .filter((leadId, decision) -> decision.getStage() == LeadStage.SQL)
                .process(() -> new SqlAssigner(pool, rotation, sla), Stores.HANDOFFS_BY_DECISION, Stores.POOL_ROTATION)
                .to(Topics.HANDOFFS, Produced.with(Serdes.String(), serdes.valueSerde(LeadHandedOff.class)));
        return builder.build();
    }
}
