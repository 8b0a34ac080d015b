package io.leadpipeline.service.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * Proves the key-owner lookup tells this instance, another instance and no instance apart from the Streams metadata,
 * knowing itself by the partitions its tasks run whatever address it advertises.
 */
class KeyOwnersTest {

    private static final HostInfo HERE = new HostInfo("localhost", 8082);
    private static final HostInfo OTHER = new HostInfo("10.0.0.7", 8082);
    private static final Set<TopicPartition> PARTITIONS_HERE = Set.of(new TopicPartition("lead.conversions", 0),
            new TopicPartition("lead.engagements", 0));
    private static final Map<HostInfo, Set<TopicPartition>> TWO_INSTANCES = Map.of(HERE, PARTITIONS_HERE,
            OTHER, Set.of(new TopicPartition("lead.conversions", 1), new TopicPartition("lead.engagements", 1)));

    @Test
    void shouldFindTheKeyHereWhenThisInstanceIsItsActiveHost() {
        KeyOwners owners = owners(new KeyQueryMetadata(HERE, Set.of(OTHER), 0), PARTITIONS_HERE);

        assertEquals(new KeyOwner.Local(0), owners.find("lead-profiles", "lead-1"));
    }

    @Test
    void shouldNameTheOtherInstanceWhenItIsTheActiveHost() {
        KeyOwners owners = owners(new KeyQueryMetadata(OTHER, Set.of(HERE), 1), PARTITIONS_HERE);

        assertEquals(new KeyOwner.Elsewhere(OTHER), owners.find("lead-profiles", "lead-1"));
    }

    @Test
    void shouldNotTakeTheKeyAsLocalBeforeThisInstanceRunsAnyTask() {
        KeyOwners owners = owners(new KeyQueryMetadata(HERE, Set.of(), 0), Set.of());

        assertEquals(new KeyOwner.Elsewhere(HERE), owners.find("lead-profiles", "lead-1"));
    }

    @Test
    void shouldBeUnavailableWhileNoInstanceOwnsTheKeysPartition() {
        KeyOwners owners = owners(KeyQueryMetadata.NOT_AVAILABLE, PARTITIONS_HERE);

        assertEquals(new KeyOwner.Unavailable(KeyOwner.Unavailable.Reason.REBALANCING), owners.find("lead-profiles", "lead-1"));
    }

    @Test
    void shouldBeUnavailableWhileKafkaStreamsIsNotRunning() {
        KeyOwners notStarted = failing(new StreamsNotStartedException("KafkaStreams has not been started"));
        KeyOwners stopped = failing(new IllegalStateException("KafkaStreams is not running. State is PENDING_SHUTDOWN."));

        assertEquals(new KeyOwner.Unavailable(KeyOwner.Unavailable.Reason.NOT_RUNNING), notStarted.find("lead-profiles", "lead-1"));
        assertEquals(new KeyOwner.Unavailable(KeyOwner.Unavailable.Reason.NOT_RUNNING), stopped.find("lead-profiles", "lead-1"));
    }

    @Test
    void shouldListTheOtherInstancesWithoutThisOne() {
        assertEquals(List.of(OTHER), owners(KeyQueryMetadata.NOT_AVAILABLE, PARTITIONS_HERE).otherInstances());
    }

    private static KeyOwners owners(KeyQueryMetadata metadata, Set<TopicPartition> partitionsHere) {
        return new KeyOwners(new KeyOwners.StreamsView() {
            @Override
            public KeyQueryMetadata keyMetadata(String store, String key) {
                return metadata;
            }

            @Override
            public Set<TopicPartition> partitionsHere() {
                return partitionsHere;
            }

            @Override
            public Map<HostInfo, Set<TopicPartition>> instances() {
                return TWO_INSTANCES;
            }
        });
    }

    private static KeyOwners failing(RuntimeException notRunning) {
        return new KeyOwners(new KeyOwners.StreamsView() {
            @Override
            public KeyQueryMetadata keyMetadata(String store, String key) {
                throw notRunning;
            }

            @Override
            public Set<TopicPartition> partitionsHere() {
                throw notRunning;
            }

            @Override
            public Map<HostInfo, Set<TopicPartition>> instances() {
                throw notRunning;
            }
        });
    }
}
