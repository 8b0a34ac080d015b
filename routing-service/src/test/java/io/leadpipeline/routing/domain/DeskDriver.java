package io.leadpipeline.routing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A routing desk on in-memory state, with helpers to send leads and read what it did. */
public final class DeskDriver {

    public final InMemoryDeskState state = new InMemoryDeskState();
    public final RoutingDesk desk;
    private final AtomicInteger decisions = new AtomicInteger();

    public DeskDriver(RoutingRules rules) {
        this.desk = new RoutingDesk(rules, state);
    }

    /** Sends a lead; returns the handoffs made in response (for this lead or waiting ones). */
    public List<Handoff> send(LeadFacts lead, Instant now) {
        int n = decisions.incrementAndGet();
        return handoffs(desk.receive("decision-" + n, "lead-" + n, lead, now));
    }

    public static List<Handoff> handoffs(List<DeskEvent> events) {
        List<Handoff> result = new ArrayList<>();
        events.forEach(event -> {
            if (event instanceof DeskEvent.HandedOff handedOff) {
                result.add(handedOff.handoff());
            }
        });
        return result;
    }

    public static List<DeskEvent.OutcomeRecorded> outcomes(List<DeskEvent> events) {
        return events.stream().filter(DeskEvent.OutcomeRecorded.class::isInstance).map(DeskEvent.OutcomeRecorded.class::cast).toList();
    }
}
