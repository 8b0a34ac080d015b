package io.leadpipeline.qualification.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.domain.LeadProfile;

/**
 * Interactive query of the lead-profiles store: the lead is here (found / not found), on another instance (which
 * one), or nowhere right now (a rebalance or restore is in progress).
 */
@ApplicationScoped
public class LeadLookup {

    public sealed interface Result {
    }

    public record Found(LeadProfile profile) implements Result {
    }

    public record NotFound() implements Result {
    }

    public record Elsewhere(HostInfo owner) implements Result {
    }

    public record Unavailable(String why) implements Result {
    }

    private final KafkaStreams streams;

    public LeadLookup(KafkaStreams streams) {
        this.streams = streams;
    }

    public Result find(String leadId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(Stores.LEAD_PROFILES, leadId, Serdes.String().serializer());
        } catch (StreamsException | IllegalStateException e) {
            return new Unavailable("Kafka Streams is not running yet");
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Unavailable("No instance owns the lead's partition right now (rebalancing)");
        }
        // "Is it active here?" is answered by the tasks this instance runs, not by comparing advertised host names.
        boolean activeHere = streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .anyMatch(task -> task.taskId().partition() == metadata.partition());
        if (!activeHere) {
            return new Elsewhere(metadata.activeHost());
        }
        try {
            ReadOnlyKeyValueStore<String, LeadProfile> store = streams.store(StoreQueryParameters.fromNameAndType(
                    Stores.LEAD_PROFILES, QueryableStoreTypes.<String, LeadProfile>keyValueStore()).withPartition(metadata.partition()));
            LeadProfile profile = store.get(leadId);
            return profile == null ? new NotFound() : new Found(profile);
        } catch (InvalidStateStoreException e) {
            return new Unavailable("Lead profiles are being restored");
        }
    }
}
