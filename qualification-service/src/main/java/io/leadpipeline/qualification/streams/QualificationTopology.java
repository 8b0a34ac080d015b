package io.leadpipeline.qualification.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.service.StateSerde;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.config.Topics;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Qualification;

/**
 * lead.conversions, lead.engagements, lead.handoff-outcomes, lead.nurture-enrollments → one processor with the
 * lead-profiles store → lead.decisions (and {@code <input>.dlq} for unusable records). The inputs are co-partitioned
 * by lead id, so one task holds all of a lead's events and its profile.
 */
public final class QualificationTopology {

    static final String PROCESSOR = "qualify";
    static final String DECISIONS_SINK = "decisions";
    static final String SERVICE_NAME = "qualification-service";

    private QualificationTopology() {
    }

    /** Without metrics, copying trace headers only: for topology tests. */
    public static Topology build(EventSerdes serdes, Qualification qualification, Duration scanInterval) {
        return build(serdes, () -> qualification, scanInterval, QualificationMetrics.NONE, StreamsTracing.OFF, ReassessRequests.NONE);
    }

    /** Under rules that may change while it runs (the live rule set): each record is decided under the rules of its time. */
    public static Topology build(EventSerdes serdes, Supplier<Qualification> qualification, Duration scanInterval,
            QualificationMetrics metrics, StreamsTracing tracing) {
        return build(serdes, qualification, scanInterval, metrics, tracing, ReassessRequests.NONE);
    }

    /** As above, re-assessing every lead when {@code reassess} asks. */
    public static Topology build(EventSerdes serdes, Supplier<Qualification> qualification, Duration scanInterval,
            QualificationMetrics metrics, StreamsTracing tracing, ReassessRequests reassess) {
        Map<String, Class<? extends SpecificRecord>> inputs = new LinkedHashMap<>();
        inputs.put(Topics.CONVERSIONS, ConversionCaptured.class);
        inputs.put(Topics.ENGAGEMENTS, EngagementTracked.class);
        inputs.put(Topics.HANDOFF_OUTCOMES, HandoffOutcomeRecorded.class);
        inputs.put(Topics.NURTURE_ENROLLMENTS, NurtureEnrollmentChanged.class);

        Topology topology = new Topology();
        Map<String, Serializer<SpecificRecord>> serializers = new LinkedHashMap<>();
        for (var input : inputs.entrySet()) {
            var serde = serdes.valueSerde(input.getValue());
            @SuppressWarnings("unchecked")
            Deserializer<SpecificRecord> deserializer = (Deserializer<SpecificRecord>) serde.deserializer();
            @SuppressWarnings("unchecked")
            Serializer<SpecificRecord> serializer = (Serializer<SpecificRecord>) serde.serializer();
            serializers.put(input.getKey(), serializer);
            topology.addSource(input.getKey(), Serdes.String().deserializer(), deserializer, input.getKey());
        }
        topology.addProcessor(PROCESSOR, () -> new LeadQualifier(qualification, scanInterval, Map.copyOf(serializers), SERVICE_NAME,
                metrics, tracing, reassess),
                inputs.keySet().toArray(String[]::new));
        StoreBuilder<KeyValueStore<String, LeadProfile>> profiles = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.LEAD_PROFILES),
                Serdes.String(), StateSerde.of(LeadProfile.class));
        topology.addStateStore(profiles, PROCESSOR);
        topology.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ERASED_LEADS), Serdes.String(), Serdes.Long()),
                PROCESSOR);

        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Object> decisions = (Serializer) serdes.valueSerde(QualificationDecided.class).serializer();
        topology.addSink(DECISIONS_SINK, Topics.DECISIONS, Serdes.String().serializer(), decisions, PROCESSOR);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Object> bytes = (Serializer) Serdes.ByteArray().serializer();
        for (String input : inputs.keySet()) {
            topology.addSink(deadLetterSink(input), DeadLetters.topicFor(input), Serdes.String().serializer(), bytes, PROCESSOR);
        }
        return topology;
    }

    static String deadLetterSink(String sourceTopic) {
        return "dead-letters-" + sourceTopic;
    }
}
