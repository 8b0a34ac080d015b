package io.leadpipeline.routing.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.domain.Availability;
import io.leadpipeline.routing.domain.DeskState;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.domain.PoolRotation;
import io.leadpipeline.routing.domain.QueueEntry;
import io.leadpipeline.routing.domain.RoutingCase;
import io.leadpipeline.routing.domain.SlaTimer;

/** The desk's state in Kafka Streams stores (RocksDB + changelog, written in the task's transaction). */
final class StoreDeskState implements DeskState {

    private final KeyValueStore<String, RoutingCase> cases;
    private final KeyValueStore<String, Handoff> handoffs;
    private final KeyValueStore<String, Integer> loads;
    private final KeyValueStore<String, Availability> availability;
    private final KeyValueStore<String, PoolRotation> rotations;
    private final KeyValueStore<String, String> owners;
    private final KeyValueStore<String, String> waiting;
    private final KeyValueStore<String, String> timers;

    StoreDeskState(ProcessorContext<?, ?> context) {
        this.cases = context.getStateStore(Stores.ROUTING_CASES);
        this.handoffs = context.getStateStore(Stores.HANDOFFS);
        this.loads = context.getStateStore(Stores.CLOSER_LOAD);
        this.availability = context.getStateStore(Stores.CLOSER_AVAILABILITY);
        this.rotations = context.getStateStore(Stores.POOL_ROTATION);
        this.owners = context.getStateStore(Stores.ACCOUNT_OWNERS);
        this.waiting = context.getStateStore(Stores.WAITING_LEADS);
        this.timers = context.getStateStore(Stores.SLA_TIMERS);
    }

    /** Keys that sort by time: zero-padded epoch millis, then the id. */
    static String timeKey(Instant at, String id) {
        return String.format("%019d|%s", at.toEpochMilli(), id);
    }

    private static Instant timeOf(String timeKey) {
        return Instant.ofEpochMilli(Long.parseLong(timeKey.substring(0, timeKey.indexOf('|'))));
    }

    @Override
    public Optional<RoutingCase> routingCase(String decisionId) {
        return Optional.ofNullable(cases.get(decisionId));
    }

    @Override
    public void putCase(RoutingCase routingCase) {
        cases.put(routingCase.decisionId(), routingCase);
    }

    @Override
    public Optional<Handoff> handoff(String handoffId) {
        return Optional.ofNullable(handoffs.get(handoffId));
    }

    @Override
    public void putHandoff(Handoff handoff) {
        handoffs.put(handoff.handoffId(), handoff);
    }

    @Override
    public int openHandoffs(String closerId) {
        return Optional.ofNullable(loads.get(closerId)).orElse(0);
    }

    @Override
    public void putOpenHandoffs(String closerId, int count) {
        loads.put(closerId, count);
    }

    @Override
    public Optional<Availability> availability(String closerId) {
        return Optional.ofNullable(availability.get(closerId));
    }

    @Override
    public void putAvailability(String closerId, Availability value) {
        availability.put(closerId, value);
    }

    @Override
    public Optional<PoolRotation> rotation(String poolId) {
        return Optional.ofNullable(rotations.get(poolId));
    }

    @Override
    public void putRotation(String poolId, PoolRotation rotation) {
        rotations.put(poolId, rotation);
    }

    @Override
    public Optional<String> accountOwner(String companyDomain) {
        return Optional.ofNullable(owners.get(companyDomain));
    }

    @Override
    public void putAccountOwner(String companyDomain, String closerId) {
        owners.put(companyDomain, closerId);
    }

    @Override
    public List<QueueEntry> queue() {
        List<QueueEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> all = waiting.all()) {
            all.forEachRemaining(entry -> entries.add(new QueueEntry(timeOf(entry.key), entry.value)));
        }
        return entries;
    }

    @Override
    public void enqueue(QueueEntry entry) {
        waiting.put(timeKey(entry.since(), entry.decisionId()), entry.decisionId());
    }

    @Override
    public void dequeue(QueueEntry entry) {
        waiting.delete(timeKey(entry.since(), entry.decisionId()));
    }

    @Override
    public List<SlaTimer> timersDueBy(Instant now) {
        List<SlaTimer> due = new ArrayList<>();
        try (KeyValueIterator<String, String> all = timers.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                Instant dueAt = timeOf(entry.key);
                if (dueAt.isAfter(now)) {
                    break;
                }
                due.add(new SlaTimer(dueAt, entry.value));
            }
        }
        return due;
    }

    @Override
    public void addTimer(SlaTimer timer) {
        timers.put(timeKey(timer.dueAt(), timer.handoffId()), timer.handoffId());
    }

    @Override
    public void removeTimer(SlaTimer timer) {
        timers.delete(timeKey(timer.dueAt(), timer.handoffId()));
    }
}
