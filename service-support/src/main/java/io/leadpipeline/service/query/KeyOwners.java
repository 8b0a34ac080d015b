package io.leadpipeline.service.query;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The one "which instance owns this key" lookup of every service, over {@link KafkaStreams#queryMetadataForKey}. A
 * plain class rather than a bean, because services without Kafka Streams (capture) share this module: a service makes
 * one from its {@code KafkaStreams}.
 * <p>
 * "Is it this instance?" is answered by the partitions this instance's tasks run, not by comparing the configured
 * {@code application.server}: in tests that value changes once the random HTTP port is known, after Kafka Streams
 * started with the earlier one.
 */
public final class KeyOwners {

    /** What this class asks Kafka Streams, apart so a test can answer it without a running application. */
    interface StreamsView {

        KeyQueryMetadata keyMetadata(String store, String key);

        /** The input partitions of the active tasks this instance runs. */
        Set<TopicPartition> partitionsHere();

        /** Every instance of the application: its advertised address and the input partitions of its active tasks. */
        Map<HostInfo, Set<TopicPartition>> instances();
    }

    private final StreamsView streams;

    KeyOwners(StreamsView streams) {
        this.streams = streams;
    }

    public static KeyOwners of(KafkaStreams streams) {
        return new KeyOwners(new StreamsView() {
            @Override
            public KeyQueryMetadata keyMetadata(String store, String key) {
                return streams.queryMetadataForKey(store, key, Serdes.String().serializer());
            }

            @Override
            public Set<TopicPartition> partitionsHere() {
                return streams.metadataForLocalThreads().stream()
                        .flatMap(thread -> thread.activeTasks().stream())
                        .flatMap(task -> task.topicPartitions().stream())
                        .collect(Collectors.toSet());
            }

            @Override
            public Map<HostInfo, Set<TopicPartition>> instances() {
                return streams.metadataForAllStreamsClients().stream()
                        .collect(Collectors.toMap(StreamsMetadata::hostInfo, StreamsMetadata::topicPartitions, (a, b) -> a));
            }
        });
    }

    /** Who owns {@code key} (a string key, as every record key in the pipeline is) in {@code store}. */
    public KeyOwner find(String store, String key) {
        KeyQueryMetadata owner;
        Optional<HostInfo> self;
        try {
            owner = streams.keyMetadata(store, key);
            if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
                return new KeyOwner.Unavailable(KeyOwner.Unavailable.Reason.REBALANCING);
            }
            self = self();
        } catch (StreamsException | IllegalStateException notRunning) {
            return new KeyOwner.Unavailable(KeyOwner.Unavailable.Reason.NOT_RUNNING);
        }
        return self.filter(owner.activeHost()::equals).isPresent()
                ? new KeyOwner.Local(owner.partition())
                : new KeyOwner.Elsewhere(owner.activeHost());
    }

    /** The addresses of the application's other instances, for a question every instance answers for its own partitions. */
    public List<HostInfo> otherInstances() {
        Optional<HostInfo> self = self();
        return streams.instances().keySet().stream().filter(host -> self.filter(host::equals).isEmpty()).toList();
    }

    /** This instance's advertised address: the instance whose active partitions are the ones this instance's tasks run. */
    private Optional<HostInfo> self() {
        Set<TopicPartition> here = streams.partitionsHere();
        if (here.isEmpty()) {
            return Optional.empty(); // no active task here, so no key is local
        }
        return streams.instances().entrySet().stream()
                .filter(instance -> !Collections.disjoint(instance.getValue(), here))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
