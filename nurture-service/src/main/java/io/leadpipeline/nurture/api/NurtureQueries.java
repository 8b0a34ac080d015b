package io.leadpipeline.nurture.api;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.service.query.KeyOwner;
import io.leadpipeline.service.query.KeyOwners;
import io.leadpipeline.service.query.OwnerForwarder;
import io.smallrye.mutiny.Uni;

/**
 * Interactive queries over the nurture stores, for several instances: a lead's state is read where its partition
 * is active (here, or over HTTP from the owning instance), and counts are summed over this instance's partitions
 * and every other instance's.
 */
@ApplicationScoped
public class NurtureQueries {

    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    /** Counts summed over partitions; {@code complete} false when an instance did not answer. */
    public record Counts(Map<String, Long> byKey, boolean complete) {
    }

    private final KafkaStreams streams;
    private final KeyOwners owners;
    private final OwnerForwarder forwarder;
    private final ObjectMapper json;

    public NurtureQueries(KafkaStreams streams, OwnerForwarder forwarder, ObjectMapper json) {
        this.streams = streams;
        this.owners = KeyOwners.of(streams);
        this.forwarder = forwarder;
        this.json = json;
    }

    /** Which instance holds the lead's nurture state. */
    public KeyOwner owner(String leadId) {
        return owners.find(Stores.LEADS, leadId);
    }

    /**
     * The lead's state from this instance's store, null when nurture knows no such lead; throws
     * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the partition is restored or moves.
     */
    public LeadNurture lead(String leadId, int partition) {
        ReadOnlyKeyValueStore<String, LeadNurture> store = streams.store(StoreQueryParameters
                .fromNameAndType(Stores.LEADS, QueryableStoreTypes.<String, LeadNurture>keyValueStore())
                .withPartition(partition));
        return store.get(leadId);
    }

    /** Relays {@code call} to the instance that owns the lead, or answers 503 with the given details. */
    public Uni<Response> forward(HostInfo owner, OwnerForwarder.Call call, String whenMoving, String whenUnreachable) {
        return forwarder.forward(owner, call, new OwnerForwarder.Terms(REMOTE_TIMEOUT, whenMoving, whenUnreachable));
    }

    /** This instance's counts: every active partition's count store (stand-by replicas are not counted). */
    public Map<String, Long> localCounts() {
        Map<String, Long> sums = new HashMap<>();
        ReadOnlyKeyValueStore<String, Long> store = streams.store(StoreQueryParameters
                .fromNameAndType(Stores.COUNTS, QueryableStoreTypes.<String, Long>keyValueStore()));
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(entry -> sums.merge(entry.key, entry.value, Long::sum));
        }
        return sums;
    }

    /**
     * Every instance's counts, summed: this one's read locally, the others' over HTTP, all asked at once, on behalf of
     * the caller whose {@code authorization} header the request carried.
     */
    public Uni<Counts> allCounts(String localCountsPath, String authorization) {
        Map<String, Long> sums = new HashMap<>(localCounts());
        List<Uni<Optional<Map<String, Long>>>> others = owners.otherInstances().stream()
                .map(host -> remoteCounts(host, localCountsPath, authorization))
                .toList();
        if (others.isEmpty()) {
            return Uni.createFrom().item(new Counts(sums, true));
        }
        return Uni.join().all(others).andFailFast().map(answers -> {
            boolean complete = true;
            for (Optional<Map<String, Long>> remote : answers) {
                if (remote.isEmpty()) {
                    complete = false;
                    continue;
                }
                remote.get().forEach((key, value) -> sums.merge(key, value, Long::sum));
            }
            return new Counts(sums, complete);
        });
    }

    private Uni<Optional<Map<String, Long>>> remoteCounts(HostInfo host, String localCountsPath, String authorization) {
        return forwarder.send(host, OwnerForwarder.Call.get(localCountsPath, authorization, null), REMOTE_TIMEOUT)
                .map(answer -> answer.filter(remote -> remote.status() == 200).flatMap(this::countsIn));
    }

    private Optional<Map<String, Long>> countsIn(OwnerForwarder.Answer answer) {
        try {
            return Optional.of(json.readValue(answer.body(), COUNTS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
