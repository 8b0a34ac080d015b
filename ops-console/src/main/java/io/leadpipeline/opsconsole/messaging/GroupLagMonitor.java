package io.leadpipeline.opsconsole.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.jboss.logging.Logger;

import io.leadpipeline.service.KafkaClientSettings;
import io.leadpipeline.opsconsole.config.ConsoleSettings;
import io.leadpipeline.opsconsole.domain.ConsumerGroupLag;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads each service's consumer-group lag with the Kafka Admin API every {@code ops-console.lag-interval}:
 * committed offsets against the partitions' ends (read_committed, as the services read). Only reads. Also notes
 * when the broker last answered, for readiness.
 */
@ApplicationScoped
public class GroupLagMonitor {

    private static final Logger LOG = Logger.getLogger(GroupLagMonitor.class);
    private static final long CALL_TIMEOUT_SECONDS = 5;

    private final ConsoleSettings settings;
    private final KafkaClientSettings kafka;
    private final Clock clock;
    private volatile List<ConsumerGroupLag> latest;
    private volatile Instant kafkaAnsweredAt;
    private ScheduledExecutorService scheduler;
    private Admin admin;

    GroupLagMonitor(ConsoleSettings settings, KafkaClientSettings kafka, Clock clock) {
        this.settings = settings;
        this.kafka = kafka;
        this.clock = clock;
        this.latest = settings.serviceGroups().stream()
                .map(group -> ConsumerGroupLag.unknown(group, "not checked yet", clock.instant()))
                .toList();
    }

    void start(@Observes StartupEvent started) {
        Map<String, Object> config = kafka.connection();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.groupId() + "-lag");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(CALL_TIMEOUT_SECONDS));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(CALL_TIMEOUT_SECONDS));
        admin = Admin.create(config);
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ops-console-lag").daemon()
                .factory());
        scheduler.scheduleWithFixedDelay(this::refresh, 0, settings.lagInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    public List<ConsumerGroupLag> latest() {
        return latest;
    }

    /** When the broker last answered the monitor (null: never): what readiness goes by. */
    public Instant kafkaAnsweredAt() {
        return kafkaAnsweredAt;
    }

    private void refresh() {
        // Anything thrown out of a scheduleWithFixedDelay task cancels every later run: lag and readiness would freeze.
        try {
            try {
                admin.describeCluster().clusterId().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                kafkaAnsweredAt = clock.instant();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.debugf("Kafka did not answer: %s", e.toString());
            }
            List<ConsumerGroupLag> result = new ArrayList<>();
            for (String group : settings.serviceGroups()) {
                result.add(measure(group));
            }
            latest = List.copyOf(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Measuring consumer lag failed; trying again next time: %s", e.toString());
        }
    }

    private ConsumerGroupLag measure(String group) {
        Instant now = clock.instant();
        try {
            String state;
            int members;
            try {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                state = String.valueOf(description.groupState());
                members = description.members().size();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return ConsumerGroupLag.unknown(group, "no such consumer group yet (service not started?)", now);
                }
                throw e;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latestOffsets = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    latestOffsets.put(partition, OffsetSpec.latest());
                }
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latestOffsets.isEmpty() ? Map.of()
                    : admin.listOffsets(latestOffsets, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                            .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Map<Integer, Long>> committedByTopic = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    committedByTopic.computeIfAbsent(partition.topic(), topic -> new HashMap<>())
                            .put(partition.partition(), offset.offset());
                }
            });
            Map<String, Map<Integer, Long>> endsByTopic = new HashMap<>();
            ends.forEach((partition, info) -> endsByTopic.computeIfAbsent(partition.topic(), topic -> new HashMap<>())
                    .put(partition.partition(), info.offset()));
            return ConsumerGroupLag.measured(group, state, members, committedByTopic, endsByTopic, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConsumerGroupLag.unknown(group, "interrupted", now);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.debugf("Lag of %s unknown: %s", group, cause);
            return ConsumerGroupLag.unknown(group, "Kafka did not answer: " + cause.getMessage(), now);
        }
    }
}
