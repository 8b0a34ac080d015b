package io.leadpipeline.nurture.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.kafka.JsonSerde;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.config.Topics;
import io.leadpipeline.nurture.domain.Enrollment;
import io.leadpipeline.nurture.domain.TrackSelector;

/** REJECTED decisions from lead.decisions → an enrollment in the matching track → lead.nurture-enrollments. */
public final class NurtureTopology {

    private NurtureTopology() {
    }

    public static Topology build(EventSerdes serdes, TrackSelector tracks) {
        StreamsBuilder builder = new StreamsBuilder();
        StoreBuilder<KeyValueStore<String, Enrollment>> enrollments = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ENROLLMENTS),
                Serdes.String(), JsonSerde.of(Enrollment.class));
        builder.addStateStore(enrollments);

        builder.stream(Topics.DECISIONS, Consumed.with(Serdes.String(), serdes.valueSerde(QualificationDecided.class)))
                .filter((leadId, decision) -> decision.getStage() == LeadStage.REJECTED)
                .process(() -> new RejectionEnroller(tracks), Stores.ENROLLMENTS)
                .to(Topics.NURTURE_ENROLLMENTS, Produced.with(Serdes.String(), serdes.valueSerde(NurtureEnrollmentChanged.class)));
        return builder.build();
    }
}
