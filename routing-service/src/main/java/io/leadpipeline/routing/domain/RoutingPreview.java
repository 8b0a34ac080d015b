package io.leadpipeline.routing.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a set of routing rules would spread a list of sales-qualified leads over pools and closers: the leads are sent,
 * in the order they were decided, to a desk of its own on empty in-memory state (nobody answers, so open handoffs pile
 * up against each closer's capacity and SLAs expire as the decisions' clock passes them). Writes nothing.
 */
public final class RoutingPreview {

    private RoutingPreview() {
    }

    /** One lead to route: its decision, when it was decided, and what routing matches on. */
    public record Lead(String decisionId, String leadId, LeadFacts facts, Instant decidedAt) {
    }

    /** A closer's share: handoffs received, the most held open at once, and the capacity. */
    public record CloserLoad(int handoffs, int peakOpen, int capacity, boolean reachedCapacity) {
    }

    /** Per rule, pool and closer; {@code waiting} = leads no closer could take by the last decision's time. */
    public record Spread(String rulesVersion, int leads, int handedOff, int waiting, Map<String, Integer> byRule,
            Map<String, Integer> byPool, Map<String, CloserLoad> byCloser) {
    }

    public static Spread of(RoutingRules rules, List<Lead> leads) {
        InMemoryDeskState state = new InMemoryDeskState();
        RoutingDesk desk = new RoutingDesk(rules, state);
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, Integer> byPool = new TreeMap<>();
        Map<String, Integer> handoffs = new HashMap<>();
        Map<String, Integer> peaks = new HashMap<>();
        int handedOff = 0;
        for (Lead lead : leads) {
            byRule.merge(rules.ruleFor(lead.facts()).id(), 1, Integer::sum);
            List<DeskEvent> events = new java.util.ArrayList<>(desk.tick(lead.decidedAt()));
            events.addAll(desk.receive(lead.decisionId(), lead.leadId(), lead.facts(), lead.decidedAt(), lead.decidedAt()));
            for (DeskEvent event : events) {
                if (event instanceof DeskEvent.HandedOff handed) {
                    Handoff handoff = handed.handoff();
                    if (handoff.attempt() == 1) {
                        handedOff++;
                    }
                    byPool.merge(handoff.pool(), 1, Integer::sum);
                    handoffs.merge(handoff.closerId(), 1, Integer::sum);
                    peaks.merge(handoff.closerId(), state.openHandoffs(handoff.closerId()), Math::max);
                }
            }
        }
        Map<String, CloserLoad> byCloser = new TreeMap<>();
        rules.closers().values().forEach(closer -> {
            int peak = peaks.getOrDefault(closer.id(), 0);
            byCloser.put(closer.id(), new CloserLoad(handoffs.getOrDefault(closer.id(), 0), peak, closer.capacity(),
                    peak >= closer.capacity()));
        });
        return new Spread(rules.version(), leads.size(), handedOff, leads.size() - handedOff, byRule, byPool, byCloser);
    }
}
