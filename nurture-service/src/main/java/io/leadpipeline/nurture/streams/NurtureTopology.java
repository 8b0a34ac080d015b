package io.leadpipeline.nurture.streams;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.service.StateSerde;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.config.Topics;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.nurture.domain.NurtureRules;

/**
 * lead.decisions, lead.handoff-outcomes and lead.engagements → {@link InputGuard} → one {@link NurtureProcessor} with
 * its stores → lead.nurture-enrollments and lead.nurture-touches; a record the guard refuses goes to its
 * {@code <input>.dlq} instead. The three inputs are keyed by lead id with the same partition count, so they form one
 * sub-topology whose task p sees partition p of each: all of a lead's events, in one place.
 */
public final class NurtureTopology {

    private static final String DECISIONS_SOURCE = "decisions";
    private static final String OUTCOMES_SOURCE = "handoff-outcomes";
    private static final String ENGAGEMENTS_SOURCE = "engagements";
    static final String ENROLLMENTS_SINK = "nurture-enrollments-sink";
    static final String TOUCHES_SINK = "nurture-touches-sink";
    static final String CHECK = "check-inputs";
    static final String PROCESSOR = "nurture";
    /** As the application id: the dlq.service header and the service tag of dlq_writes_total. */
    static final String SERVICE_NAME = "nurture-service";

    private NurtureTopology() {
    }

    /** Fixed rules, copying trace headers only: for topology tests. */
    public static Topology build(EventSerdes serdes, NurtureRules rules, Duration checkInterval, NurtureMetrics metrics) {
        return build(serdes, () -> rules, checkInterval, metrics, StreamsTracing.OFF);
    }

    /** Live rules ({@code rules.get()} once per record and per punctuation), copying trace headers only: for tests. */
    public static Topology build(EventSerdes serdes, Supplier<NurtureRules> rules, Duration checkInterval, NurtureMetrics metrics) {
        return build(serdes, rules, checkInterval, metrics, StreamsTracing.OFF);
    }

    /** {@code rules}: the live rules, read once per record and once per punctuation. */
    public static Topology build(EventSerdes serdes, Supplier<NurtureRules> rules, Duration checkInterval, NurtureMetrics metrics,
            StreamsTracing tracing) {
        Serde<QualificationDecided> decisions = serdes.valueSerde(QualificationDecided.class);
        Serde<HandoffOutcomeRecorded> outcomes = serdes.valueSerde(HandoffOutcomeRecorded.class);
        Serde<EngagementTracked> engagements = serdes.valueSerde(EngagementTracked.class);
        Topology topology = new Topology();
        topology.addSource(DECISIONS_SOURCE, Serdes.String().deserializer(), decisions.deserializer(), Topics.DECISIONS);
        topology.addSource(OUTCOMES_SOURCE, Serdes.String().deserializer(), outcomes.deserializer(), Topics.HANDOFF_OUTCOMES);
        topology.addSource(ENGAGEMENTS_SOURCE, Serdes.String().deserializer(), engagements.deserializer(), Topics.ENGAGEMENTS);
        // A dead letter is re-serialized with its source topic's serde, so it carries the schema id it was read with.
        Map<String, Serializer<SpecificRecord>> sourceSerializers = Map.of(Topics.DECISIONS, anyRecord(decisions),
                Topics.HANDOFF_OUTCOMES, anyRecord(outcomes), Topics.ENGAGEMENTS, anyRecord(engagements));
        topology.addProcessor(CHECK, () -> new InputGuard(sourceSerializers, SERVICE_NAME),
                DECISIONS_SOURCE, OUTCOMES_SOURCE, ENGAGEMENTS_SOURCE);
        topology.addProcessor(PROCESSOR, () -> new NurtureProcessor(rules, checkInterval, metrics, tracing), CHECK);
        topology.addStateStore(store(Stores.LEADS, StateSerde.of(LeadNurture.class)), PROCESSOR);
        topology.addStateStore(store(Stores.SCHEDULE, StateSerde.of(ScheduledStep.class)), PROCESSOR);
        topology.addStateStore(store(Stores.COUNTS, Serdes.Long()), PROCESSOR);
        topology.addSink(ENROLLMENTS_SINK, Topics.NURTURE_ENROLLMENTS, Serdes.String().serializer(),
                serdes.valueSerde(NurtureEnrollmentChanged.class).serializer(), PROCESSOR);
        topology.addSink(TOUCHES_SINK, Topics.NURTURE_TOUCHES, Serdes.String().serializer(),
                serdes.valueSerde(NurtureTouchDue.class).serializer(), PROCESSOR);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Object> bytes = (Serializer) Serdes.ByteArray().serializer();
        for (String input : sourceSerializers.keySet()) {
            topology.addSink(deadLetterSink(input), DeadLetters.topicFor(input), Serdes.String().serializer(), bytes, CHECK);
        }
        return topology;
    }

    @SuppressWarnings("unchecked")
    private static Serializer<SpecificRecord> anyRecord(Serde<? extends SpecificRecord> serde) {
        return (Serializer<SpecificRecord>) serde.serializer();
    }

    static String deadLetterSink(String sourceTopic) {
        return "dead-letters-" + sourceTopic;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
