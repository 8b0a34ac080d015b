package io.leadpipeline.routing.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.domain.Availability;
import io.leadpipeline.routing.domain.CaseStatus;
import io.leadpipeline.routing.domain.DeskState;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.domain.LeadCases;
import io.leadpipeline.routing.domain.PoolRotation;
import io.leadpipeline.routing.domain.QueueEntry;
import io.leadpipeline.routing.domain.QueueLanes;
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
    private final KeyValueStore<String, String> ownerSources;
    private final KeyValueStore<String, LeadCases> leadCases;
    private final KeyValueStore<String, Long> erasedLeads;
    private final KeyValueStore<String, String> waiting;
    private final KeyValueStore<String, Integer> laneSizes;
    private final KeyValueStore<String, String> timers;
    /**
     * Per lane, a key no live entry of the lane sorts before (its head when last looked at): a look at the head seeks
     * there instead of the lane's start, past the deletions RocksDB keeps until compaction. Kept in memory only; a
     * fresh desk (start, rebalance, restore) starts without it.
     */
    private final Map<String, String> laneFloors = new HashMap<>();

    StoreDeskState(ProcessorContext<?, ?> context) {
        this.cases = context.getStateStore(Stores.ROUTING_CASES);
        this.handoffs = context.getStateStore(Stores.HANDOFFS);
        this.loads = context.getStateStore(Stores.CLOSER_LOAD);
        this.availability = context.getStateStore(Stores.CLOSER_AVAILABILITY);
        this.rotations = context.getStateStore(Stores.POOL_ROTATION);
        this.owners = context.getStateStore(Stores.ACCOUNT_OWNERS);
        this.ownerSources = context.getStateStore(Stores.ACCOUNT_OWNER_SOURCES);
        this.leadCases = context.getStateStore(Stores.LEAD_CASES);
        this.erasedLeads = context.getStateStore(Stores.ERASED_LEADS);
        this.waiting = context.getStateStore(Stores.WAITING_LEADS);
        this.laneSizes = context.getStateStore(Stores.QUEUE_LANE_SIZES);
        this.timers = context.getStateStore(Stores.SLA_TIMERS);
    }

    /**
     * Moves the waiting leads of a desk that kept one queue for all pools ({@code time|id} keys) into their pools'
     * lanes. Runs once when the desk starts; with nothing to move it costs one seek.
     */
    void moveLegacyQueueIntoLanes() {
        List<KeyValue<String, String>> legacy = new ArrayList<>();
        try (KeyValueIterator<String, String> digits = waiting.range("0", ":")) { // ':' sorts right after '9'
            digits.forEachRemaining(entry -> {
                if (QueueKeys.isLegacyQueueKey(entry.key)) {
                    legacy.add(entry);
                }
            });
        }
        for (KeyValue<String, String> entry : legacy) {
            waiting.delete(entry.key);
            Optional.ofNullable(cases.get(entry.value))
                    .filter(routingCase -> routingCase.status() == CaseStatus.WAITING)
                    .ifPresent(routingCase -> enqueue(QueueLanes.pool(routingCase.pool()), routingCase.queueEntry()));
        }
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
    public Optional<QueueEntry> nextWaiting(String lane, Optional<QueueEntry> after) {
        if (waitingCount(lane) == 0) {
            return Optional.empty(); // most lanes are empty most of the time: a point read instead of a seek
        }
        String floor = laneFloors.getOrDefault(lane, QueueKeys.laneStart(lane));
        String from = after.map(entry -> QueueKeys.laneStartAfter(lane, entry)).filter(key -> key.compareTo(floor) > 0).orElse(floor);
        try (KeyValueIterator<String, String> range = waiting.range(from, QueueKeys.laneEnd(lane))) {
            if (!range.hasNext()) {
                return Optional.empty();
            }
            String key = range.next().key;
            if (after.isEmpty()) {
                laneFloors.put(lane, key);
            }
            return Optional.of(QueueKeys.entryOf(key));
        }
    }

    @Override
    public void enqueue(String lane, QueueEntry entry) {
        String key = QueueKeys.entryKey(lane, entry);
        if (waiting.putIfAbsent(key, entry.decisionId()) == null) {
            laneSizes.put(lane, waitingCount(lane) + 1);
            laneFloors.computeIfPresent(lane, (unused, floor) -> key.compareTo(floor) < 0 ? key : floor);
        }
    }

    @Override
    public void dequeue(String lane, QueueEntry entry) {
        if (waiting.delete(QueueKeys.entryKey(lane, entry)) != null) {
            laneSizes.put(lane, Math.max(0, waitingCount(lane) - 1));
        }
    }

    @Override
    public int waitingCount(String lane) {
        return Optional.ofNullable(laneSizes.get(lane)).orElse(0);
    }

    @Override
    public List<SlaTimer> timersDueBy(Instant now) {
        List<SlaTimer> due = new ArrayList<>();
        try (KeyValueIterator<String, String> all = timers.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                Instant dueAt = QueueKeys.timeOf(entry.key);
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
        timers.put(QueueKeys.timeKey(timer.dueAt(), timer.handoffId()), timer.handoffId());
    }

    @Override
    public void removeTimer(SlaTimer timer) {
        timers.delete(QueueKeys.timeKey(timer.dueAt(), timer.handoffId()));
    }

    @Override
    public Optional<String> accountOwnerSource(String companyDomain) {
        return Optional.ofNullable(ownerSources.get(companyDomain));
    }

    @Override
    public void putAccountOwnerSource(String companyDomain, String leadId) {
        ownerSources.put(companyDomain, leadId);
    }

    @Override
    public void deleteAccountOwner(String companyDomain) {
        owners.delete(companyDomain);
        ownerSources.delete(companyDomain);
    }

    @Override
    public Optional<LeadCases> leadCases(String leadId) {
        return Optional.ofNullable(leadCases.get(leadId));
    }

    @Override
    public void putLeadCases(String leadId, LeadCases cases) {
        leadCases.put(leadId, cases);
    }

    @Override
    public void deleteLeadCases(String leadId) {
        leadCases.delete(leadId);
    }

    @Override
    public void deleteCase(String decisionId) {
        cases.delete(decisionId);
    }

    @Override
    public void deleteHandoff(String handoffId) {
        handoffs.delete(handoffId);
    }

    @Override
    public Optional<Instant> erasedAt(String leadId) {
        return Optional.ofNullable(erasedLeads.get(leadId)).map(Instant::ofEpochMilli);
    }

    @Override
    public void putErasedAt(String leadId, Instant erasedAt) {
        erasedLeads.put(leadId, erasedAt.toEpochMilli());
    }
}
