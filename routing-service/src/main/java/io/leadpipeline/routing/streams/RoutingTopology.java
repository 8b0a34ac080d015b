package io.leadpipeline.routing.streams;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.service.StateSerde;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.config.Topics;
import io.leadpipeline.routing.domain.Availability;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.domain.LeadCases;
import io.leadpipeline.routing.domain.PoolRotation;
import io.leadpipeline.routing.domain.RoutingCase;
import io.leadpipeline.routing.domain.RoutingRules;

/**
 * SQL decisions, closers' answers, availability changes and erasures → one routing desk → lead.handoffs and
 * lead.handoff-outcomes; a record the desk could not use ({@link InputChecks}) goes to its {@code <input>.dlq} instead.
 *
 * <p>Routing decisions share state across leads (whose turn it is, each closer's load, the queue), so all three
 * inputs are repartitioned into single-partition topics and meet in one task: exactly one instance routes at a
 * time, rotation and capacity are global and survive restarts and rebalances (the stores are changelogged), and
 * exactly_once_v2 commits each input with the state and events it caused. Handing leads to people is low volume,
 * so one task has ample headroom; other instances serve HTTP by forwarding to the desk's host.
 */
public final class RoutingTopology {

    /** Names of the repartition topics (routing-service-desk-…-repartition), one partition each. */
    static final String DESK_DECISIONS = "desk-decisions";
    static final String DESK_RESPONSES = "desk-responses";
    static final String DESK_AVAILABILITY = "desk-availability";
    static final String DESK_ERASURES = "desk-erasures";
    /** As the application id: the dlq.service header and the service tag of dlq_writes_total. */
    static final String SERVICE_NAME = "routing-service";

    private RoutingTopology() {
    }

    /** Copying trace headers only: for topology tests. */
    public static Topology build(EventSerdes serdes, RoutingRules rules, Duration tickInterval, RoutingMetrics metrics) {
        return build(serdes, () -> rules, tickInterval, metrics, StreamsTracing.OFF);
    }

    /** Under rules that may change while it runs (the live rule set): each record is routed under the rules of its time. */
    public static Topology build(EventSerdes serdes, Supplier<RoutingRules> rules, Duration tickInterval, RoutingMetrics metrics,
            StreamsTracing tracing) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<QualificationDecided> decisionSerde = serdes.valueSerde(QualificationDecided.class);
        Serde<HandoffResponseSubmitted> responseSerde = serdes.valueSerde(HandoffResponseSubmitted.class);
        Serde<CloserAvailabilityChanged> availabilitySerde = serdes.valueSerde(CloserAvailabilityChanged.class);
        Serde<EngagementTracked> engagementSerde = serdes.valueSerde(EngagementTracked.class);

        builder.addStateStore(store(Stores.ROUTING_CASES, StateSerde.of(RoutingCase.class)));
        builder.addStateStore(store(Stores.ROUTED_DECISIONS, decisionSerde));
        builder.addStateStore(store(Stores.HANDOFFS, StateSerde.of(Handoff.class)));
        builder.addStateStore(store(Stores.CLOSER_LOAD, Serdes.Integer()));
        builder.addStateStore(store(Stores.CLOSER_AVAILABILITY, StateSerde.of(Availability.class)));
        builder.addStateStore(store(Stores.POOL_ROTATION, StateSerde.of(PoolRotation.class)));
        builder.addStateStore(store(Stores.ACCOUNT_OWNERS, Serdes.String()));
        builder.addStateStore(store(Stores.ACCOUNT_OWNER_SOURCES, Serdes.String()));
        builder.addStateStore(store(Stores.LEAD_CASES, StateSerde.of(LeadCases.class)));
        builder.addStateStore(store(Stores.ERASED_LEADS, Serdes.Long()));
        builder.addStateStore(store(Stores.WAITING_LEADS, Serdes.String()));
        builder.addStateStore(store(Stores.QUEUE_LANE_SIZES, Serdes.Integer()));
        builder.addStateStore(store(Stores.SLA_TIMERS, Serdes.String()));
        builder.addStateStore(store(Stores.COMMAND_RESULTS, StateSerde.of(AnsweredCommand.class)));
        builder.addStateStore(store(Stores.COMMAND_EXPIRY, Serdes.String()));

        // Unusable records are dead-lettered before the repartition, where their source topic, partition and offset are known.
        KStream<String, DeskInput> decisions = usable(builder
                .stream(Topics.DECISIONS, Consumed.with(Serdes.String(), decisionSerde))
                // Other stages are not routing's business; a tombstone (no stage) is passed on to be dead-lettered.
                .filter((leadId, decision) -> decision == null || decision.getStage() == LeadStage.SQL),
                Topics.DECISIONS, decisionSerde, InputChecks::decision)
                .repartition(toDesk(DESK_DECISIONS, decisionSerde))
                .mapValues(DeskInput.Decision::new);
        KStream<String, DeskInput> responses = usable(builder
                .stream(Topics.HANDOFF_RESPONSES, Consumed.with(Serdes.String(), responseSerde)),
                Topics.HANDOFF_RESPONSES, responseSerde, InputChecks::response)
                .repartition(toDesk(DESK_RESPONSES, responseSerde))
                .mapValues(DeskInput.Response::new);
        KStream<String, DeskInput> availability = usable(builder
                .stream(Topics.CLOSER_AVAILABILITY, Consumed.with(Serdes.String(), availabilitySerde))
                .filter((closerId, change) -> change != null), // a tombstone from compaction housekeeping carries nothing
                Topics.CLOSER_AVAILABILITY, availabilitySerde, InputChecks::availability)
                .repartition(toDesk(DESK_AVAILABILITY, availabilitySerde))
                .mapValues(DeskInput.AvailabilityChange::new);

        // Of what leads do, only erasures are routing's business; they are filtered before the repartition so page views
        // never reach the single desk. An unusable erasure (no lead id, keyed by another id) goes to lead.engagements.dlq
        // like other poison input: dropped silently it would leave the lead's data here. Qualification and nurture
        // dead-letter what they cannot use of the same topic too; the dlq.service header tells the copies apart.
        KStream<String, DeskInput> erasures = usable(builder
                .stream(Topics.ENGAGEMENTS, Consumed.with(Serdes.String(), engagementSerde))
                .filter((leadId, engagement) -> engagement != null && engagement.getType() == EngagementType.ERASURE_REQUESTED),
                Topics.ENGAGEMENTS, engagementSerde, InputChecks::erasure)
                .repartition(toDesk(DESK_ERASURES, engagementSerde))
                .mapValues(engagement -> new DeskInput.Erasure(engagement.getLeadId(), engagement.getOccurredAt()));

        KStream<String, SpecificRecord> out = decisions.merge(responses).merge(availability).merge(erasures)
                .process(() -> new RoutingDeskProcessor(rules, tickInterval, metrics, tracing), Stores.ROUTING_CASES, Stores.ROUTED_DECISIONS,
                        Stores.HANDOFFS, Stores.CLOSER_LOAD, Stores.CLOSER_AVAILABILITY, Stores.POOL_ROTATION, Stores.ACCOUNT_OWNERS,
                        Stores.ACCOUNT_OWNER_SOURCES, Stores.LEAD_CASES, Stores.ERASED_LEADS,
                        Stores.WAITING_LEADS, Stores.QUEUE_LANE_SIZES, Stores.SLA_TIMERS, Stores.COMMAND_RESULTS,
                        Stores.COMMAND_EXPIRY);
        out.filter((leadId, event) -> event instanceof LeadHandedOff)
                .mapValues(event -> (LeadHandedOff) event)
                .to(Topics.HANDOFFS, Produced.with(Serdes.String(), serdes.valueSerde(LeadHandedOff.class)));
        out.filter((leadId, event) -> event instanceof HandoffOutcomeRecorded)
                .mapValues(event -> (HandoffOutcomeRecorded) event)
                .to(Topics.HANDOFF_OUTCOMES, Produced.with(Serdes.String(), serdes.valueSerde(HandoffOutcomeRecorded.class)));
        return builder.build();
    }

    /** The records of {@code topic} that {@code check} passes; the others go, as their topic's bytes, to {@code <topic>.dlq}. */
    private static <V> KStream<String, V> usable(KStream<String, V> input, String topic, Serde<V> serde,
            BiFunction<String, V, Optional<String>> check) {
        String prefix = "check-" + topic + "-";
        return input.split(Named.as(prefix))
                .branch((key, value) -> check.apply(key, value).isPresent(), Branched.withConsumer(unusable -> unusable
                        .process(() -> new DeadLetterWriter<>(serde.serializer(), check, SERVICE_NAME),
                                Named.as(prefix + "to-dead-letter"))
                        .to(DeadLetters.topicFor(topic), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName(prefix + "dlq")), "unusable"))
                .defaultBranch(Branched.as("usable"))
                .get(prefix + "usable");
    }

    private static <V> Repartitioned<String, V> toDesk(String name, Serde<V> valueSerde) {
        return Repartitioned.<String, V>as(name).withKeySerde(Serdes.String()).withValueSerde(valueSerde).withNumberOfPartitions(1);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
