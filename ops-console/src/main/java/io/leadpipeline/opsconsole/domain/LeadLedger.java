package io.leadpipeline.opsconsole.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;

/**
 * The little the console remembers about one lead to place it in the funnel and to measure capture→handoff
 * latency, whatever order its events are read in. Everything here is an earliest time or a small lookup; the
 * lookups are capped because a lead has only a handful of conversions, decisions and handoffs in practice.
 */
public final class LeadLedger {

    /** Enough for any real lead; beyond it the oldest entries are forgotten (latency may then go unmeasured). */
    static final int MAX_REMEMBERED = 32;

    private final Map<FunnelStep, Instant> earliest = new EnumMap<>(FunnelStep.class);
    private final NavigableSet<Instant> qualifiedAt = new TreeSet<>();
    private final Map<String, Instant> conversionReceivedAt = new HashMap<>();
    private final Map<String, String> decisionTrigger = new HashMap<>();
    private final Map<String, HandoffFact> firstAttemptHandoffs = new HashMap<>();
    private final Set<String> measuredHandoffs = new HashSet<>();

    /** Takes in one fact about this lead and returns the latency samples it made measurable (usually none). */
    public List<LatencySample> apply(PipelineFact fact) {
        switch (fact) {
            case ConversionFact conversion -> {
                reached(FunnelStep.CAPTURED, conversion.at());
                remember(conversionReceivedAt, conversion.eventId(), conversion.at());
            }
            case DecisionFact decision -> {
                if (decision.qualifies()) {
                    reached(FunnelStep.MQL, decision.at());
                    if (qualifiedAt.size() < MAX_REMEMBERED) {
                        qualifiedAt.add(decision.at());
                    }
                }
                if (decision.stage() == LeadStage.SQL) {
                    reached(FunnelStep.SQL, decision.at());
                }
                if (decision.stage() == LeadStage.REJECTED) {
                    reached(FunnelStep.REJECTED, decision.at());
                }
                remember(decisionTrigger, decision.eventId(), decision.triggeringEventId());
            }
            case HandoffFact handoff -> {
                reached(FunnelStep.HANDED_OFF, handoff.at());
                if (handoff.attempt() <= 1) {
                    remember(firstAttemptHandoffs, handoff.handoffId(), handoff);
                }
            }
            case OutcomeFact outcome -> {
                if (outcome.outcome() == HandoffOutcomeType.ACCEPTED) {
                    reached(FunnelStep.ACCEPTED, outcome.at());
                } else if (outcome.outcome() == HandoffOutcomeType.REJECTED) {
                    reached(FunnelStep.REJECTED, outcome.at());
                }
            }
            case EnrollmentFact enrollment -> reached(FunnelStep.NURTURED, enrollment.at());
            case EngagementFact ignored -> {
            }
            case EnrollmentExitFact ignored -> {
            }
            case TouchFact ignored -> {
            }
            case DeadLetterFact ignored -> {
            }
        }
        requalification();
        return newlyMeasurable();
    }

    /** Each funnel step this lead reached, at the earliest time it reached it. */
    public Map<FunnelStep, Instant> milestones() {
        return new EnumMap<>(earliest);
    }

    private void reached(FunnelStep step, Instant at) {
        earliest.merge(step, at, (was, now) -> now.isBefore(was) ? now : was);
    }

    private void requalification() {
        Instant nurtured = earliest.get(FunnelStep.NURTURED);
        if (nurtured == null) {
            return;
        }
        Instant after = qualifiedAt.higher(nurtured);
        if (after != null) {
            earliest.put(FunnelStep.REQUALIFIED, after);
        }
    }

    /** First-attempt handoffs whose chain handoff → decision → triggering conversion is now complete. */
    private List<LatencySample> newlyMeasurable() {
        measuredHandoffs.retainAll(firstAttemptHandoffs.keySet());
        List<LatencySample> samples = new ArrayList<>();
        for (HandoffFact handoff : firstAttemptHandoffs.values()) {
            if (measuredHandoffs.contains(handoff.handoffId())) {
                continue;
            }
            String trigger = decisionTrigger.get(handoff.decisionId());
            Instant received = trigger == null ? null : conversionReceivedAt.get(trigger);
            if (received != null) {
                measuredHandoffs.add(handoff.handoffId());
                samples.add(new LatencySample(handoff.leadId(), handoff.at(), Duration.between(received, handoff.at())));
            }
        }
        return samples;
    }

    private static <V> void remember(Map<String, V> lookup, String key, V value) {
        if (lookup.size() >= MAX_REMEMBERED && !lookup.containsKey(key)) {
            lookup.remove(lookup.keySet().iterator().next());
        }
        lookup.put(key, value);
    }
}
