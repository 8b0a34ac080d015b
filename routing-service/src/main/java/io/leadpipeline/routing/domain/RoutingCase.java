package io.leadpipeline.routing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One sales-qualified decision on its way to a closer, from intake until a closer accepts or rejects it.
 *
 * @param pool          the pool its rule named, or the escalation pool once escalated
 * @param attempts      handoffs made so far
 * @param priorClosers  closers who already held it (a reassignment goes to someone else)
 * @param queuedSince   its place in the queue (intake time: an expired lead keeps its place)
 * @param waitingFrom   when it last started waiting (for the wait-time metric)
 */
public record RoutingCase(String decisionId, String leadId, LeadFacts facts, String ruleId, String pool, boolean escalated,
        int attempts, List<String> priorClosers, String lastHandoffId, CaseStatus status, Instant queuedSince, Instant waitingFrom) {

    public RoutingCase {
        priorClosers = List.copyOf(priorClosers);
    }

    public static RoutingCase received(String decisionId, String leadId, LeadFacts facts, Rule rule, Instant now) {
        return new RoutingCase(decisionId, leadId, facts, rule.id(), rule.pool(), false, 0, List.of(), null, CaseStatus.WAITING, now, now);
    }

    public QueueEntry queueEntry() {
        return new QueueEntry(queuedSince, decisionId);
    }

    RoutingCase offered(Handoff handoff) {
        List<String> held = new ArrayList<>(priorClosers);
        held.add(handoff.closerId());
        return new RoutingCase(decisionId, leadId, facts, ruleId, pool, escalated, handoff.attempt(), held, handoff.handoffId(),
                CaseStatus.OFFERED, queuedSince, waitingFrom);
    }

    RoutingCase escalatedTo(String escalationPool) {
        return new RoutingCase(decisionId, leadId, facts, ruleId, escalationPool, true, attempts, priorClosers, lastHandoffId, status,
                queuedSince, waitingFrom);
    }

    /** Routed again by a rule of newer rules (its pool is gone from them); its place in the queue is kept. */
    RoutingCase rerouted(Rule rule) {
        return new RoutingCase(decisionId, leadId, facts, rule.id(), rule.pool(), escalated, attempts, priorClosers, lastHandoffId,
                status, queuedSince, waitingFrom);
    }

    RoutingCase waitingAgain(Instant now) {
        return new RoutingCase(decisionId, leadId, facts, ruleId, pool, escalated, attempts, priorClosers, lastHandoffId,
                CaseStatus.WAITING, queuedSince, now);
    }

    RoutingCase closed(CaseStatus outcome) {
        return new RoutingCase(decisionId, leadId, facts, ruleId, pool, escalated, attempts, priorClosers, lastHandoffId, outcome,
                queuedSince, waitingFrom);
    }
}
