package io.leadpipeline.routing.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The desk's state in plain maps: for a routing preview (a desk of its own that writes nothing) and unit tests. */
public final class InMemoryDeskState implements DeskState {

    private final Map<String, RoutingCase> cases = new HashMap<>();
    private final Map<String, Handoff> handoffs = new HashMap<>();
    private final Map<String, Integer> loads = new HashMap<>();
    private final Map<String, Availability> availability = new HashMap<>();
    private final Map<String, PoolRotation> rotations = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> ownerSources = new HashMap<>();
    private final Map<String, LeadCases> leadCases = new HashMap<>();
    private final Map<String, Instant> erasedLeads = new HashMap<>();
    private static final Comparator<QueueEntry> QUEUE_ORDER = Comparator.comparing(QueueEntry::since).thenComparing(QueueEntry::decisionId);
    private final Map<String, TreeSet<QueueEntry>> lanes = new HashMap<>();
    private final TreeSet<SlaTimer> timers = new TreeSet<>(Comparator.comparing(SlaTimer::dueAt).thenComparing(SlaTimer::handoffId));

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
        return loads.getOrDefault(closerId, 0);
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
        TreeSet<QueueEntry> entries = lane(lane);
        return Optional.ofNullable(after.isPresent() ? entries.higher(after.get()) : entries.isEmpty() ? null : entries.first());
    }

    @Override
    public void enqueue(String lane, QueueEntry entry) {
        lane(lane).add(entry);
    }

    @Override
    public void dequeue(String lane, QueueEntry entry) {
        lane(lane).remove(entry);
    }

    @Override
    public int waitingCount(String lane) {
        return lane(lane).size();
    }

    private TreeSet<QueueEntry> lane(String lane) {
        return lanes.computeIfAbsent(lane, name -> new TreeSet<>(QUEUE_ORDER));
    }

    @Override
    public List<SlaTimer> timersDueBy(Instant now) {
        return timers.stream().filter(timer -> !timer.dueAt().isAfter(now)).toList();
    }

    @Override
    public void addTimer(SlaTimer timer) {
        timers.add(timer);
    }

    @Override
    public void removeTimer(SlaTimer timer) {
        timers.remove(timer);
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
        owners.remove(companyDomain);
        ownerSources.remove(companyDomain);
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
        leadCases.remove(leadId);
    }

    @Override
    public void deleteCase(String decisionId) {
        cases.remove(decisionId);
    }

    @Override
    public void deleteHandoff(String handoffId) {
        handoffs.remove(handoffId);
    }

    @Override
    public Optional<Instant> erasedAt(String leadId) {
        return Optional.ofNullable(erasedLeads.get(leadId));
    }

    @Override
    public void putErasedAt(String leadId, Instant erasedAt) {
        erasedLeads.put(leadId, erasedAt);
    }

    /** Whether anything of the lead is left: its cases, their handoffs (by lead id), the index. */
    public boolean remembers(String leadId) {
        return leadCases.containsKey(leadId) || cases.values().stream().anyMatch(c -> c.leadId().equals(leadId))
                || handoffs.values().stream().anyMatch(h -> h.leadId().equals(leadId));
    }

    public Optional<String> ownerOf(String companyDomain) {
        return Optional.ofNullable(owners.get(companyDomain));
    }
}
