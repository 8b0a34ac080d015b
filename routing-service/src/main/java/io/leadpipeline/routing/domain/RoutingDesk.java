package io.leadpipeline.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.kafka.EventIds;

/**
 * The routing desk: takes sales-qualified leads in, hands each to exactly one eligible closer at a time, keeps
 * the ones nobody can take in a first-in-first-out queue until someone can, and reacts to closers' answers,
 * availability changes and expired SLAs. Every lead goes through the queue, so a new lead never overtakes one that
 * is already waiting for the same pool. The queue is kept in {@link QueueLanes lanes}, so what the desk does per
 * event depends on the number of pools and closers, not on how many leads wait. All state is in {@link DeskState};
 * the time is always passed in.
 */
public final class RoutingDesk {

    /** A pick: who gets the lead, from which pool, by which strategy. */
    private record Placement(String closerId, String pool, AssignmentStrategy strategy) {
    }

    /** The result of a closer's answer, and what it set in motion (the outcome, handoffs of waiting leads). */
    public record Answer(CommandResult result, List<DeskEvent> events) {
    }

    /** What an erasure deleted (the adapter deletes these decisions' snapshots too), and what freed capacity set in motion. */
    public record Erasure(List<String> decisionIds, List<DeskEvent> events) {
    }

    /** The oldest entry of a lane not yet looked at in this drain; {@code ownerId} is set for an account owner's lane. */
    private record LaneHead(String lane, String ownerId, QueueEntry entry) {
    }

    private static final Comparator<LaneHead> QUEUE_ORDER = Comparator.comparing((LaneHead head) -> head.entry().since())
            .thenComparing(head -> head.entry().decisionId());

    private final RoutingRules rules;
    private final DeskState state;

    public RoutingDesk(RoutingRules rules, DeskState state) {
        this.rules = rules;
        this.state = state;
    }

    /** Whether this decision was received before (it has its handoff or its place in the queue). */
    public boolean hasSeen(String decisionId) {
        return state.routingCase(decisionId).isPresent();
    }

    /** A sales-qualified decision made as it is read ({@code decidedAt} = {@code now}). */
    public List<DeskEvent> receive(String decisionId, String leadId, LeadFacts facts, Instant now) {
        return receive(decisionId, leadId, facts, now, now);
    }

    /**
     * A sales-qualified decision, made at {@code decidedAt}, arrives; a redelivered one (same decision id) changes
     * nothing, and neither does one the lead's erasure came after ({@link #erasedBy}), however late it is read.
     */
    public List<DeskEvent> receive(String decisionId, String leadId, LeadFacts facts, Instant decidedAt, Instant now) {
        if (state.routingCase(decisionId).isPresent() || erasedBy(leadId, decidedAt)) {
            return List.of();
        }
        RoutingCase routingCase = RoutingCase.received(decisionId, leadId, facts, rules.ruleFor(facts), now);
        state.putCase(routingCase);
        state.putLeadCases(leadId, state.leadCases(leadId).orElse(new LeadCases(List.of())).with(decisionId));
        enqueue(routingCase);
        return drain(now);
    }

    /**
     * Whether what happened for the lead at {@code eventTime} was erased with it: the lead was erased at or after that
     * time. Decisions are on lead.decisions and erasures on lead.engagements, so one made before the erasure can be read
     * after it (lag, a restart); it must not reach a closer. The comparison is qualification-service's
     * ({@code Qualification.apply}): it ignores every event at or before the erasure, so the only decision it writes for
     * an erased lead afterwards is for a fresh opt-in, decided at that event's time, strictly after the erasure, and
     * routed here as a new lead. Decision times and erasure times are both event times of the lead's own events.
     */
    public boolean erasedBy(String leadId, Instant eventTime) {
        return state.erasedAt(leadId).filter(erasedAt -> !eventTime.isAfter(erasedAt)).isPresent();
    }

    /** An erasure requested as it is read ({@code erasedAt} = {@code now}). */
    public Erasure erase(String leadId, Instant now) {
        return erase(leadId, now, now);
    }

    /**
     * The lead asked to be forgotten at {@code erasedAt}: the desk remembers only that time (so that a decision made
     * before it and read later is ignored), each of the lead's cases leaves the queue, an open handoff gives its closer
     * the capacity back (no outcome is written: there is no lead left to report on), and the cases, their handoffs and
     * an account owner learned from the lead are deleted. Then the desk drains, as freed capacity may place a waiting
     * lead. The events start with {@link DeskEvent.LeadErased}, also for a lead the desk has not seen (yet). An erasure
     * at or before one already applied (a redelivery) changes nothing.
     */
    public Erasure erase(String leadId, Instant erasedAt, Instant now) {
        if (erasedBy(leadId, erasedAt)) {
            return new Erasure(List.of(), List.of());
        }
        state.putErasedAt(leadId, erasedAt);
        List<String> decisionIds = state.leadCases(leadId).map(LeadCases::decisionIds).orElse(List.of());
        List<DeskEvent> events = new ArrayList<>();
        events.add(new DeskEvent.LeadErased(leadId, decisionIds, erasedAt));
        if (!decisionIds.isEmpty()) {
            for (String decisionId : decisionIds) {
                state.routingCase(decisionId).ifPresent(routingCase -> forget(leadId, routingCase));
            }
            state.deleteLeadCases(leadId);
            events.addAll(drain(now));
        }
        return new Erasure(decisionIds, events);
    }

    private void forget(String leadId, RoutingCase routingCase) {
        if (routingCase.status() == CaseStatus.WAITING) {
            state.dequeue(QueueLanes.pool(routingCase.pool()), routingCase.queueEntry());
            accountOwner(routingCase).ifPresent(owner -> state.dequeue(QueueLanes.owner(owner), routingCase.queueEntry()));
        }
        for (int attempt = 1; attempt <= routingCase.attempts(); attempt++) {
            String handoffId = handoffId(routingCase.decisionId(), attempt);
            state.handoff(handoffId).ifPresent(handoff -> {
                if (handoff.status() == HandoffStatus.OPEN) {
                    releaseCapacity(handoff);
                }
                state.deleteHandoff(handoffId);
            });
        }
        rules.accountDomain(routingCase.facts())
                .filter(domain -> state.accountOwnerSource(domain).filter(leadId::equals).isPresent())
                .ifPresent(state::deleteAccountOwner);
        state.deleteCase(routingCase.decisionId());
    }

    public Answer accept(String commandId, String handoffId, Instant now) {
        return answer(commandId, handoffId, HandoffStatus.ACCEPTED, null, null, now);
    }

    public Answer reject(String commandId, String handoffId, HandoffRejectionReason reason, String note, Instant now) {
        return answer(commandId, handoffId, HandoffStatus.REJECTED, reason, note, now);
    }

    /** A closer's availability changed: it applies from the next assignment on, starting with the waiting leads. */
    public List<DeskEvent> changeAvailability(String closerId, Availability availability, Instant now) {
        state.putAvailability(closerId, availability);
        return drain(now);
    }

    /** Wall-clock tick: expires overdue handoffs (the lead waits again, escalated after too many attempts), then drains. */
    public List<DeskEvent> tick(Instant now) {
        List<DeskEvent> events = new ArrayList<>();
        for (SlaTimer timer : state.timersDueBy(now)) {
            state.removeTimer(timer);
            Optional<Handoff> open = state.handoff(timer.handoffId()).filter(handoff -> handoff.status() == HandoffStatus.OPEN);
            if (open.isEmpty()) {
                continue;
            }
            Handoff expired = open.get().closed(HandoffStatus.EXPIRED, now, null, null);
            state.putHandoff(expired);
            releaseCapacity(expired);
            RoutingCase waiting = inCurrentPool(state.routingCase(expired.decisionId()).orElseThrow().waitingAgain(now));
            if (!waiting.escalated() && waiting.attempts() >= rules.maxAttempts()) {
                waiting = waiting.escalatedTo(rules.escalationPool());
            }
            state.putCase(waiting);
            enqueue(waiting);
            events.add(new DeskEvent.OutcomeRecorded(expired, HandoffOutcomeType.EXPIRED, now));
        }
        events.addAll(drain(now));
        return events;
    }

    /**
     * Hands out every waiting lead someone can take now, oldest first: the lanes' heads are merged in queue order.
     * A pool's lane is left as soon as a lead nobody held before cannot be placed (no member can take any), and an
     * owner's lane as soon as the owner cannot take more; within one drain nobody's capacity grows.
     */
    public List<DeskEvent> drain(Instant now) {
        List<DeskEvent> events = new ArrayList<>();
        PriorityQueue<LaneHead> heads = new PriorityQueue<>(QUEUE_ORDER);
        rules.pools().keySet().forEach(poolId -> head(QueueLanes.pool(poolId), null, Optional.empty()).ifPresent(heads::add));
        rules.closers().keySet().stream()
                .filter(closerId -> isEligible(closerId, now))
                .forEach(closerId -> head(QueueLanes.owner(closerId), closerId, Optional.empty()).ifPresent(heads::add));
        while (!heads.isEmpty()) {
            LaneHead head = heads.poll();
            boolean laneMayPlaceMore = head.ownerId() == null ? servePoolLane(head, now, events) : serveOwnerLane(head, now, events);
            if (laneMayPlaceMore) {
                head(head.lane(), head.ownerId(), Optional.of(head.entry())).ifPresent(heads::add);
            }
        }
        return events;
    }

    private Optional<LaneHead> head(String lane, String ownerId, Optional<QueueEntry> after) {
        return state.nextWaiting(lane, after).map(entry -> new LaneHead(lane, ownerId, entry));
    }

    /** @return whether a younger lead of the lane may still be placed in this drain */
    private boolean servePoolLane(LaneHead head, Instant now, List<DeskEvent> events) {
        Optional<RoutingCase> found = state.routingCase(head.entry().decisionId());
        if (found.isEmpty() || found.get().status() != CaseStatus.WAITING) {
            state.dequeue(head.lane(), head.entry());
            return true;
        }
        if (!QueueLanes.pool(found.get().pool()).equals(head.lane())) {
            state.dequeue(head.lane(), head.entry());
            enqueue(found.get()); // in the wrong lane: it waits in its own pool's lane instead
            return true;
        }
        RoutingCase routingCase = escalatedWhenPoolExhausted(found.get());
        Optional<Placement> placement = place(routingCase, now);
        if (placement.isPresent()) {
            events.add(handOff(routingCase, placement.get(), now));
            return true;
        }
        // A lead that held nobody needs one eligible member: if it cannot be placed, no younger lead of the pool can.
        // A lead that was held before excludes its earlier closers, so the ones behind it may still be placed.
        return !routingCase.priorClosers().isEmpty();
    }

    /** @return whether the owner may still take another lead of their accounts in this drain */
    private boolean serveOwnerLane(LaneHead head, Instant now, List<DeskEvent> events) {
        Optional<RoutingCase> waiting = state.routingCase(head.entry().decisionId())
                .filter(routingCase -> routingCase.status() == CaseStatus.WAITING)
                .filter(routingCase -> accountOwner(routingCase).filter(head.ownerId()::equals).isPresent())
                .filter(routingCase -> !routingCase.priorClosers().contains(head.ownerId()));
        if (waiting.isEmpty()) {
            state.dequeue(head.lane(), head.entry()); // handed off through its pool, or the owner already held it
            return true;
        }
        if (!isEligible(head.ownerId(), now)) {
            return false;
        }
        RoutingCase routingCase = escalatedWhenPoolExhausted(waiting.get());
        events.add(handOff(routingCase, new Placement(head.ownerId(), routingCase.pool(), AssignmentStrategy.ACCOUNT_OWNER), now));
        return true;
    }

    /** A lead starts (or resumes) waiting: in its pool's lane, and in its account owner's lane unless that owner held it. */
    private void enqueue(RoutingCase routingCase) {
        state.enqueue(QueueLanes.pool(routingCase.pool()), routingCase.queueEntry());
        accountOwner(routingCase).filter(owner -> !routingCase.priorClosers().contains(owner))
                .ifPresent(owner -> state.enqueue(QueueLanes.owner(owner), routingCase.queueEntry()));
    }

    /** Waiting leads per pool, for the queue-size metric. */
    public Map<String, Integer> waitingByPool() {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        rules.pools().keySet().forEach(pool -> waiting.put(pool, state.waitingCount(QueueLanes.pool(pool))));
        return waiting;
    }

    /** When the lead at the front of the longest-waiting pool started waiting, if any lead waits. */
    public Optional<Instant> oldestWaitingSince() {
        return rules.pools().keySet().stream()
                .flatMap(pool -> state.nextWaiting(QueueLanes.pool(pool), Optional.empty()).stream())
                .flatMap(entry -> state.routingCase(entry.decisionId()).stream())
                .filter(routingCase -> routingCase.status() == CaseStatus.WAITING)
                .map(RoutingCase::waitingFrom)
                .min(Instant::compareTo);
    }

    private Answer answer(String commandId, String handoffId, HandoffStatus answer, HandoffRejectionReason reason, String note, Instant now) {
        Optional<Handoff> found = state.handoff(handoffId);
        if (found.isEmpty()) {
            return new Answer(new CommandResult(commandId, handoffId, CommandResult.Status.NOT_FOUND, null), List.of());
        }
        Handoff handoff = found.get();
        if (handoff.status() == answer) {
            return new Answer(new CommandResult(commandId, handoffId, CommandResult.Status.ALREADY_APPLIED, answer), List.of());
        }
        if (handoff.status() != HandoffStatus.OPEN) {
            return new Answer(new CommandResult(commandId, handoffId, CommandResult.Status.NO_LONGER_OPEN, handoff.status()), List.of());
        }
        Handoff answered = handoff.closed(answer, now, reason, note);
        state.putHandoff(answered);
        releaseCapacity(answered);
        RoutingCase routingCase = state.routingCase(handoff.decisionId()).orElseThrow();
        state.putCase(routingCase.closed(answer == HandoffStatus.ACCEPTED ? CaseStatus.ACCEPTED : CaseStatus.REJECTED));
        if (answer == HandoffStatus.ACCEPTED) {
            learnAccountOwner(routingCase, handoff.closerId());
        }
        List<DeskEvent> events = new ArrayList<>();
        events.add(new DeskEvent.OutcomeRecorded(answered,
                answer == HandoffStatus.ACCEPTED ? HandoffOutcomeType.ACCEPTED : HandoffOutcomeType.REJECTED, now));
        events.addAll(drain(now));
        return new Answer(new CommandResult(commandId, handoffId, CommandResult.Status.APPLIED, answer), events);
    }

    private void releaseCapacity(Handoff closed) {
        state.removeTimer(closed.slaTimer());
        state.putOpenHandoffs(closed.closerId(), Math.max(0, state.openHandoffs(closed.closerId()) - 1));
    }

    /** One company, one owner: the first closer to accept one of its leads, unless they have left the roster. */
    private void learnAccountOwner(RoutingCase routingCase, String closerId) {
        rules.accountDomain(routingCase.facts()).ifPresent(domain -> {
            boolean ownerStillHere = state.accountOwner(domain).flatMap(rules::closer).isPresent();
            if (!ownerStillHere) {
                state.putAccountOwner(domain, closerId);
                state.putAccountOwnerSource(domain, routingCase.leadId());
            }
        });
    }

    private Optional<String> accountOwner(RoutingCase routingCase) {
        return rules.accountDomain(routingCase.facts()).flatMap(state::accountOwner).filter(owner -> rules.closer(owner).isPresent());
    }

    /**
     * After a rules change: the leads waiting in pools the new version no longer has move, keeping their place in the
     * queue, to the pools it routes them to. Costs one step per lead moved; nothing to do when no pool was removed.
     */
    public void rehomeWaitingLeads(Set<String> previousPools) {
        for (String pool : previousPools) {
            if (rules.pools().containsKey(pool)) {
                continue;
            }
            String lane = QueueLanes.pool(pool);
            for (Optional<QueueEntry> next = state.nextWaiting(lane, Optional.empty()); next.isPresent();
                    next = state.nextWaiting(lane, Optional.empty())) {
                QueueEntry entry = next.get();
                state.dequeue(lane, entry);
                state.routingCase(entry.decisionId()).filter(waiting -> waiting.status() == CaseStatus.WAITING).ifPresent(waiting -> {
                    RoutingCase moved = inCurrentPool(waiting);
                    state.putCase(moved);
                    state.enqueue(QueueLanes.pool(moved.pool()), moved.queueEntry());
                });
            }
        }
    }

    /** The case in a pool of these rules: one whose pool they no longer have is routed by them again. */
    private RoutingCase inCurrentPool(RoutingCase routingCase) {
        if (rules.pools().containsKey(routingCase.pool())) {
            return routingCase;
        }
        return routingCase.escalated() ? routingCase.escalatedTo(rules.escalationPool()) : routingCase.rerouted(rules.ruleFor(routingCase.facts()));
    }

    /** Every member of the lead's pool already had it and let it expire: it goes to the escalation pool. */
    private RoutingCase escalatedWhenPoolExhausted(RoutingCase routingCase) {
        if (routingCase.escalated() || routingCase.attempts() == 0
                || !routingCase.priorClosers().containsAll(rules.pool(routingCase.pool()).members())) {
            return routingCase;
        }
        RoutingCase escalated = routingCase.escalatedTo(rules.escalationPool());
        state.putCase(escalated);
        state.dequeue(QueueLanes.pool(routingCase.pool()), routingCase.queueEntry());
        state.enqueue(QueueLanes.pool(escalated.pool()), escalated.queueEntry());
        return escalated;
    }

    private Optional<Placement> place(RoutingCase routingCase, Instant now) {
        Optional<String> owner = accountOwner(routingCase)
                .filter(id -> !routingCase.priorClosers().contains(id))
                .filter(id -> isEligible(id, now));
        if (owner.isPresent()) {
            return Optional.of(new Placement(owner.get(), routingCase.pool(), AssignmentStrategy.ACCOUNT_OWNER));
        }
        return placeInPool(routingCase, rules.pool(routingCase.pool()), now, new HashSet<>());
    }

    private Optional<Placement> placeInPool(RoutingCase routingCase, Pool pool, Instant now, Set<String> visited) {
        visited.add(pool.id());
        List<String> candidates = candidates(pool, routingCase);
        Set<String> eligible = new HashSet<>(candidates.stream().filter(id -> isEligible(id, now)).toList());
        if (!eligible.isEmpty()) {
            PoolRotation rotation = state.rotation(pool.id()).orElse(PoolRotation.initial(pool.members())).reconciledWith(pool.members());
            Rotation.Pick pick = Rotation.of(pool.strategy()).pick(rotation, eligible, state::openHandoffs,
                    id -> rules.closer(id).map(CloserProfile::weight).orElse(0));
            state.putRotation(pool.id(), pick.next());
            return Optional.of(new Placement(pick.closerId(), pool.id(), AssignmentStrategy.valueOf(pool.strategy().name())));
        }
        boolean nobodyOnDuty = candidates.stream().noneMatch(id -> isOnDuty(id, now));
        if (nobodyOnDuty && pool.offHours() == OffHours.OVERFLOW && !visited.contains(pool.overflowPool())) {
            return placeInPool(routingCase, rules.pool(pool.overflowPool()), now, visited);
        }
        return Optional.empty();
    }

    /** The pool's members who have not held this lead yet; when all have, everyone but the last holder; else everyone. */
    private static List<String> candidates(Pool pool, RoutingCase routingCase) {
        List<String> fresh = pool.members().stream().filter(id -> !routingCase.priorClosers().contains(id)).toList();
        if (!fresh.isEmpty()) {
            return fresh;
        }
        String lastHolder = routingCase.priorClosers().get(routingCase.priorClosers().size() - 1);
        List<String> notLast = pool.members().stream().filter(id -> !id.equals(lastHolder)).toList();
        return notLast.isEmpty() ? pool.members() : notLast;
    }

    private boolean isEligible(String closerId, Instant now) {
        return rules.closer(closerId)
                .map(closer -> Eligibility.isEligible(closer, state.availability(closerId), state.openHandoffs(closerId), now))
                .orElse(false);
    }

    private boolean isOnDuty(String closerId, Instant now) {
        return rules.closer(closerId).map(closer -> Eligibility.isOnDuty(closer, state.availability(closerId), now)).orElse(false);
    }

    private DeskEvent handOff(RoutingCase routingCase, Placement placement, Instant now) {
        int attempt = routingCase.attempts() + 1;
        Handoff handoff = new Handoff(handoffId(routingCase.decisionId(), attempt),
                routingCase.decisionId(), routingCase.leadId(), placement.closerId(), placement.pool(), routingCase.ruleId(),
                placement.strategy(), attempt, routingCase.escalated(), routingCase.lastHandoffId(), now, now.plus(rules.sla()),
                HandoffStatus.OPEN, null, null, null);
        state.putHandoff(handoff);
        state.putOpenHandoffs(handoff.closerId(), state.openHandoffs(handoff.closerId()) + 1);
        state.addTimer(handoff.slaTimer());
        state.dequeue(QueueLanes.pool(routingCase.pool()), routingCase.queueEntry());
        accountOwner(routingCase).ifPresent(owner -> state.dequeue(QueueLanes.owner(owner), routingCase.queueEntry()));
        state.putCase(routingCase.offered(handoff));
        return new DeskEvent.HandedOff(handoff, Duration.between(routingCase.waitingFrom(), now));
    }

    /** Handoff ids derive from the decision and the attempt, so a decision's handoffs are found without an index. */
    private static String handoffId(String decisionId, int attempt) {
        return EventIds.derive("handoff", decisionId, Integer.toString(attempt));
    }
}
