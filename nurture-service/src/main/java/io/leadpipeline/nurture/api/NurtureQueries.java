package io.leadpipeline.nurture.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.config.Topics;
import io.leadpipeline.nurture.domain.LeadNurture;

/**
 * Interactive queries over the nurture stores, for several instances: a lead's state is read where its partition
 * is active (here, or over HTTP from the owning instance), and counts are summed over this instance's partitions
 * and every other instance's.
 */
@ApplicationScoped
public class NurtureQueries {

    /** Set on a request one instance forwards to another, so a moving partition never makes requests loop. */
    public static final String FORWARDED = "X-Nurture-Forwarded";
    private static final Logger LOG = Logger.getLogger(NurtureQueries.class);
    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);

    /** Where a lead's state is: here (with the state, or null when unknown), on another instance, or not available now. */
    public sealed interface Location {
        record Here(LeadNurture lead) implements Location {
        }

        record Elsewhere(HostInfo host) implements Location {
        }

        record Unavailable() implements Location {
        }
    }

    /** Counts summed over partitions; {@code complete} false when an instance did not answer. */
    public record Counts(Map<String, Long> byKey, boolean complete) {
    }

    private final KafkaStreams streams;
    private final ObjectMapper json;
    private final String advertised;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REMOTE_TIMEOUT).build();

    public NurtureQueries(KafkaStreams streams, ObjectMapper json,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String advertised) {
        this.streams = streams;
        this.json = json;
        this.advertised = advertised;
    }

    /**
     * The input partitions this instance's tasks own right now. "Is it mine?" is answered from these rather than by
     * comparing host names, which may be spelled differently (localhost, 127.0.0.1, a test's random port).
     */
    private Set<TopicPartition> ownedPartitions() {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .collect(Collectors.toSet());
    }

    public Location locate(String leadId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(Stores.LEADS, leadId, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            return new Location.Unavailable();
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Location.Unavailable();
        }
        if (!ownedPartitions().contains(new TopicPartition(Topics.DECISIONS, metadata.partition()))) {
            return new Location.Elsewhere(metadata.activeHost());
        }
        try {
            ReadOnlyKeyValueStore<String, LeadNurture> store = streams.store(StoreQueryParameters
                    .fromNameAndType(Stores.LEADS, QueryableStoreTypes.<String, LeadNurture>keyValueStore())
                    .withPartition(metadata.partition()));
            return new Location.Here(store.get(leadId));
        } catch (InvalidStateStoreException e) {
            return new Location.Unavailable();
        }
    }

    /** Relays a GET to another instance; empty when it cannot be reached. */
    public Optional<HttpResponse<String>> forward(HostInfo host, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(REMOTE_TIMEOUT).header(FORWARDED, advertised).GET().build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            LOG.warnf("Instance %s did not answer %s: %s", host, pathAndQuery, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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

    /** Every instance's counts, summed: this one's read locally, the others' over HTTP. */
    public Counts allCounts(String localCountsPath) {
        Set<TopicPartition> mine = ownedPartitions();
        Map<String, Long> sums = new HashMap<>(localCounts());
        boolean complete = true;
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (instance.topicPartitions().stream().anyMatch(mine::contains)) {
                continue; // this instance: counted above
            }
            Optional<Map<String, Long>> remote = forward(instance.hostInfo(), localCountsPath)
                    .filter(response -> response.statusCode() == 200)
                    .map(response -> {
                        try {
                            return json.readValue(response.body(), new TypeReference<Map<String, Long>>() {
                            });
                        } catch (IOException e) {
                            return null;
                        }
                    });
            if (remote.isEmpty()) {
                complete = false;
                continue;
            }
            remote.get().forEach((key, value) -> sums.merge(key, value, Long::sum));
        }
        return new Counts(sums, complete);
    }
}
