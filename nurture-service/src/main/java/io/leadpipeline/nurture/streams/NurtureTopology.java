package io.leadpipeline.nurture.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.kafka.JsonSerde;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.config.Topics;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.nurture.domain.NurtureRules;

/**
 * lead.decisions, lead.handoff-outcomes and lead.engagements → one {@link NurtureProcessor} with its stores →
 * lead.nurture-enrollments and lead.nurture-touches. The three inputs are keyed by lead id with the same partition
 * count, so they form one sub-topology whose task p sees partition p of each: all of a lead's events, in one place.
 */
public final class NurtureTopology {

    private static final String DECISIONS_SOURCE = "decisions";
    private static final String OUTCOMES_SOURCE = "handoff-outcomes";
    private static final String ENGAGEMENTS_SOURCE = "engagements";
    static final String ENROLLMENTS_SINK = "nurture-enrollments-sink";
    static final String TOUCHES_SINK = "nurture-touches-sink";
    private static final String PROCESSOR = "nurture";

    private NurtureTopology() {
    }

    /** Copying trace headers only: for topology tests. */
    public static Topology build(EventSerdes serdes, NurtureRules rules, Duration checkInterval, NurtureMetrics metrics) {
        return build(serdes, rules, checkInterval, metrics, StreamsTracing.OFF);
    }

    public static Topology build(EventSerdes serdes, NurtureRules rules, Duration checkInterval, NurtureMetrics metrics,
            StreamsTracing tracing) {
        Topology topology = new Topology();
        topology.addSource(DECISIONS_SOURCE, Serdes.String().deserializer(),
                serdes.valueSerde(QualificationDecided.class).deserializer(), Topics.DECISIONS);
        topology.addSource(OUTCOMES_SOURCE, Serdes.String().deserializer(),
                serdes.valueSerde(HandoffOutcomeRecorded.class).deserializer(), Topics.HANDOFF_OUTCOMES);
        topology.addSource(ENGAGEMENTS_SOURCE, Serdes.String().deserializer(),
                serdes.valueSerde(EngagementTracked.class).deserializer(), Topics.ENGAGEMENTS);
        topology.addProcessor(PROCESSOR, () -> new NurtureProcessor(rules, checkInterval, metrics, tracing),
                DECISIONS_SOURCE, OUTCOMES_SOURCE, ENGAGEMENTS_SOURCE);
        topology.addStateStore(store(Stores.LEADS, JsonSerde.of(LeadNurture.class)), PROCESSOR);
        topology.addStateStore(store(Stores.SCHEDULE, JsonSerde.of(ScheduledStep.class)), PROCESSOR);
        topology.addStateStore(store(Stores.COUNTS, Serdes.Long()), PROCESSOR);
        topology.addSink(ENROLLMENTS_SINK, Topics.NURTURE_ENROLLMENTS, Serdes.String().serializer(),
                serdes.valueSerde(NurtureEnrollmentChanged.class).serializer(), PROCESSOR);
        topology.addSink(TOUCHES_SINK, Topics.NURTURE_TOUCHES, Serdes.String().serializer(),
                serdes.valueSerde(NurtureTouchDue.class).serializer(), PROCESSOR);
        return topology;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
