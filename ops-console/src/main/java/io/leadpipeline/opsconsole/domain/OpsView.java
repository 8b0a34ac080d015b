package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadpipeline.events.EngagementType;

/**
 * Everything the console knows, built from the records it reads: funnel, flow, dead letters, latency, sales floor
 * and lead journeys. One reader thread writes while HTTP threads read, so every method holds the view's lock;
 * each one is quick (the largest cost is sorting at most {@link ViewLimits#latencySamples()} samples).
 */
public final class OpsView {

    private final FunnelCounter funnel = new FunnelCounter();
    private final FlowMeter flow;
    private final DeadLetterStats deadLetters = new DeadLetterStats();
    private final LatencyTracker latency;
    private final SalesFloor salesFloor;
    private final LeadTimelines timelines;
    private final RecentlyUsed<String, LeadLedger> ledgers;
    private final RecentlyUsed<String, Boolean> seenEvents;
    /** Leads erased on request: their journeys are forgotten and none is started again by a later event of theirs. */
    private final RecentlyUsed<String, Boolean> erasedLeads;
    private long eventsApplied;
    private long duplicatesIgnored;
    private long unreadable;
    private String lastUnreadableReason;

    public OpsView(ViewLimits limits, Collection<String> expectedTopics) {
        flow = new FlowMeter(expectedTopics);
        latency = new LatencyTracker(limits.latencySamples());
        salesFloor = new SalesFloor(limits.trackedHandoffs());
        timelines = new LeadTimelines(limits.timelineLeads(), limits.eventsPerLead());
        ledgers = new RecentlyUsed<>(limits.trackedLeads());
        seenEvents = new RecentlyUsed<>(limits.seenEventIds());
        erasedLeads = new RecentlyUsed<>(limits.trackedLeads());
    }

    /** A record that was read and understood. */
    public synchronized void record(RecordOrigin origin, PipelineFact fact) {
        flow.record(origin.topic(), origin.timestamp());
        String dedupeKey = origin.topic() + "/" + fact.eventId();
        if (seenEvents.contains(dedupeKey)) {
            duplicatesIgnored++;
            return;
        }
        seenEvents.put(dedupeKey, Boolean.TRUE);
        eventsApplied++;
        switch (fact) {
            case DeadLetterFact deadLetter -> deadLetters.add(deadLetter);
            case HandoffFact handoff -> salesFloor.handedOff(handoff);
            case OutcomeFact outcome -> salesFloor.outcome(outcome);
            default -> {
            }
        }
        if (fact.leadId() == null) {
            return;
        }
        if (fact instanceof EngagementFact engagement && engagement.type() == EngagementType.ERASURE_REQUESTED) {
            erasedLeads.put(fact.leadId(), Boolean.TRUE);
            timelines.forget(fact.leadId());
        }
        if (!erasedLeads.contains(fact.leadId())) {
            timelines.add(fact.leadId(), TimelineEntries.of(origin, fact));
        }
        LeadLedger ledger = ledgers.get(fact.leadId());
        if (ledger == null) {
            ledger = new LeadLedger();
        }
        Map<FunnelStep, Instant> before = ledger.milestones();
        ledger.apply(fact).forEach(latency::add);
        funnel.update(before, ledger.milestones());
        ledgers.put(fact.leadId(), ledger);
    }

    /** A record of a topic the console does not decode (a topic it does not know): it only counts in the flow. */
    public synchronized void recordOther(RecordOrigin origin) {
        flow.record(origin.topic(), origin.timestamp());
    }

    /** A record that could not be decoded: it counts in the flow and in the console's own health. */
    public synchronized void recordUnreadable(RecordOrigin origin, String reason) {
        flow.record(origin.topic(), origin.timestamp());
        unreadable++;
        lastUnreadableReason = origin.topic() + "/" + origin.partition() + "@" + origin.offset() + ": " + reason;
    }

    public synchronized FunnelReport funnel(Window window, Instant now) {
        return funnel.report(window, now);
    }

    public synchronized List<FlowMeter.TopicRate> flow(Instant now) {
        return flow.report(now);
    }

    public synchronized DeadLetterStats.DeadLetterReport deadLetters() {
        return deadLetters.report();
    }

    public synchronized LatencyReport latency(Window window, Instant now) {
        return latency.report(window, now);
    }

    public synchronized List<SalesFloor.CloserLoad> salesFloor(Map<String, CloserCapacity> roster, Instant now) {
        return salesFloor.board(roster, now);
    }

    public synchronized Optional<LeadJourney> journey(String leadId) {
        return timelines.journey(leadId);
    }

    public synchronized ReadStats readStats() {
        return new ReadStats(eventsApplied, duplicatesIgnored, unreadable, lastUnreadableReason, ledgers.size(),
                timelines.size());
    }

    /** What the view has taken in: events applied, duplicates ignored, unreadable records and leads held. */
    public record ReadStats(long eventsApplied, long duplicatesIgnored, long unreadable, String lastUnreadable,
            int leadsTracked, int leadTimelines) {
    }
}
