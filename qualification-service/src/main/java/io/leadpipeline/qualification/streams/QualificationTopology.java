package io.leadpipeline.qualification.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventSerdes;
import io.leadpipeline.kafka.JsonSerde;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.config.Topics;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.scoring.Qualifier;

/**
 * lead.conversions → (per-lead profile in the lead-profiles store) → lead.decisions. A decision is written for
 * a lead's first assessment and afterwards only when its stage changes.
 */
public final class QualificationTopology {

    private QualificationTopology() {
    }

    public static Topology build(EventSerdes serdes, Qualifier qualifier) {
        StreamsBuilder builder = new StreamsBuilder();
        StoreBuilder<KeyValueStore<String, LeadProfile>> profiles = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.LEAD_PROFILES),
                Serdes.String(), JsonSerde.of(LeadProfile.class));
        builder.addStateStore(profiles);

        builder.stream(Topics.CONVERSIONS, Consumed.with(Serdes.String(), serdes.valueSerde(ConversionCaptured.class)))
                .process(() -> new ConversionQualifier(qualifier), Stores.LEAD_PROFILES)
                .to(Topics.DECISIONS, Produced.with(Serdes.String(), serdes.valueSerde(QualificationDecided.class)));
        return builder.build();
    }
}
