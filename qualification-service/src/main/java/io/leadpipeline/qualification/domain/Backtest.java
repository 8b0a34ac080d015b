package io.leadpipeline.qualification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;

/**
 * Replays a history of lead events through the current and a candidate scoring, side by side, and compares them:
 * leads per stage and grade under each, the transition matrix (current stage to candidate stage), the leads whose
 * stage changed with the rules that made the difference, and how each lines up with what closers did (accepted
 * leads the candidate still makes SQL; leads rejected as NOT_A_FIT it keeps out). Writes nothing anywhere.
 * Feed each lead's events in the order they happened ({@link #settle} once a group of leads is complete), then
 * {@link #report}.
 */
public final class Backtest {

    /** The closers' rejection reason the candidate should keep out of SQL. */
    static final String NOT_A_FIT = "NOT_A_FIT";
    private static final Comparator<ChangedLead> BIGGEST_CHANGE_FIRST = Comparator
            .comparingInt((ChangedLead lead) -> -Math.abs(lead.candidateScore() - lead.currentScore())).thenComparing(ChangedLead::leadId);
    /** A lead with no stage yet (only engagements before any form): counted apart. */
    public static final String NO_STAGE = "NONE";

    private final Qualification current;
    private final Qualification candidate;
    private final Map<String, Side> currentSide = new HashMap<>();
    private final Map<String, Side> candidateSide = new HashMap<>();
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> rejectedNotAFit = new HashSet<>();
    private final int changedListed;
    private final Map<String, Integer> currentStages = new TreeMap<>();
    private final Map<String, Integer> candidateStages = new TreeMap<>();
    private final Map<String, Integer> currentGrades = new TreeMap<>();
    private final Map<String, Integer> candidateGrades = new TreeMap<>();
    private final Map<String, Map<String, Integer>> transitions = new TreeMap<>();
    /** The listed changed leads, smallest score change at the head (so it is the one dropped). */
    private final PriorityQueue<ChangedLead> changed = new PriorityQueue<>(BIGGEST_CHANGE_FIRST.reversed());
    private long events;
    private int leads;
    private int changedCount;
    private int acceptedStillSql;
    private int keptOut;

    /** @param changedListed how many changed leads the report lists (the biggest score changes); all are counted */
    public Backtest(Qualification current, Qualification candidate, int changedListed) {
        this.current = current;
        this.candidate = candidate;
        this.changedListed = changedListed;
    }

    /** One side's lead: its profile, when it was erased (null: never), and whether it was ever SQL. */
    private record Side(LeadProfile profile, Instant erasedAt, boolean everSql) {
    }

    /** A lead whose stage (or grade) differs, with the rule ids that scored differently (points under each). */
    public record ChangedLead(String leadId, String currentStage, String candidateStage, String currentGrade, String candidateGrade,
            int currentScore, int candidateScore, Map<String, List<Integer>> differingRules) {
    }

    /** Against closers' verdicts: how many there were, and how many the candidate agrees with. */
    public record Outcomes(int accepted, int acceptedStillSql, int rejectedNotAFit, int rejectedNotAFitKeptOut) {
    }

    public record Report(long events, int leads, String currentVersion, String candidateVersion, Map<String, Integer> currentStages,
            Map<String, Integer> candidateStages, Map<String, Integer> currentGrades, Map<String, Integer> candidateGrades,
            Map<String, Map<String, Integer>> transitions, int changedLeads, List<ChangedLead> changed, Outcomes outcomes) {
    }

    public void feed(String leadId, LeadEvent event) {
        events++;
        step(current, currentSide, leadId, event);
        step(candidate, candidateSide, leadId, event);
        if (event instanceof LeadEvent.HandoffConcluded outcome) {
            if (outcome.outcome() == HandoffOutcomeType.ACCEPTED) {
                accepted.add(leadId);
            } else if (outcome.outcome() == HandoffOutcomeType.REJECTED && NOT_A_FIT.equals(outcome.reasonCode())) {
                rejectedNotAFit.add(leadId);
            }
        }
    }

    private static void step(Qualification rules, Map<String, Side> side, String leadId, LeadEvent event) {
        Side before = side.get(leadId);
        Qualification.Step step = rules.apply(before == null ? null : before.profile(), leadId, event,
                before == null ? null : before.erasedAt());
        Instant erasedAt = step.erasedAt() != null ? step.erasedAt() : before == null ? null : before.erasedAt();
        boolean everSql = (before != null && before.everSql()) || isSql(step.profile());
        side.put(leadId, new Side(step.profile(), erasedAt, everSql));
    }

    private static boolean isSql(LeadProfile profile) {
        return profile != null && profile.stage() == LeadStage.SQL;
    }

    /**
     * Compares the leads fed so far, both sides re-assessed at {@code now} (decay, stale MQLs, as the periodic scan
     * does), adds them to the totals and forgets their profiles: call it when no more events of those leads follow
     * (the replay does after each partition), so memory holds one partition's leads, not the whole history.
     */
    public void settle(Instant now) {
        for (Map.Entry<String, Side> entry : currentSide.entrySet()) {
            String leadId = entry.getKey();
            LeadProfile was = assessed(current, entry.getValue().profile(), now);
            Side candidateLead = candidateSide.get(leadId);
            LeadProfile would = assessed(candidate, candidateLead.profile(), now);
            if (was == null && would == null) {
                continue; // erased, or never known: nothing to compare
            }
            leads++;
            String from = stage(was);
            String to = stage(would);
            currentStages.merge(from, 1, Integer::sum);
            candidateStages.merge(to, 1, Integer::sum);
            currentGrades.merge(grade(was), 1, Integer::sum);
            candidateGrades.merge(grade(would), 1, Integer::sum);
            transitions.computeIfAbsent(from, stage -> new TreeMap<>()).merge(to, 1, Integer::sum);
            if (!from.equals(to) || !grade(was).equals(grade(would))) {
                changedCount++;
                changed.add(new ChangedLead(leadId, from, to, grade(was), grade(would), score(was), score(would),
                        differingRules(was, would)));
                if (changed.size() > changedListed) {
                    changed.poll(); // the smallest score difference goes: only the biggest are listed
                }
            }
            if (accepted.contains(leadId) && candidateLead.everSql()) {
                acceptedStillSql++;
            }
            if (rejectedNotAFit.contains(leadId) && !candidateLead.everSql()) {
                keptOut++;
            }
        }
        currentSide.clear();
        candidateSide.clear();
    }

    /** The comparison of everything fed, re-assessed at {@code now}. */
    public Report report(Instant now) {
        settle(now);
        List<ChangedLead> listed = new ArrayList<>(changed);
        listed.sort(BIGGEST_CHANGE_FIRST);
        return new Report(events, leads, current.scorer().rules().version(), candidate.scorer().rules().version(),
                new TreeMap<>(currentStages), new TreeMap<>(candidateStages), new TreeMap<>(currentGrades),
                new TreeMap<>(candidateGrades), new TreeMap<>(transitions), changedCount, List.copyOf(listed),
                new Outcomes(accepted.size(), acceptedStillSql, rejectedNotAFit.size(), keptOut));
    }

    private static LeadProfile assessed(Qualification rules, LeadProfile profile, Instant now) {
        if (profile == null || !profile.isKnown()) {
            return null;
        }
        return rules.scan(profile, now).profile();
    }

    private static String stage(LeadProfile profile) {
        return profile == null || profile.stage() == null ? NO_STAGE : profile.stage().name();
    }

    private static String grade(LeadProfile profile) {
        return profile == null || profile.lastAssessment() == null ? NO_STAGE : profile.lastAssessment().grade().name();
    }

    private static int score(LeadProfile profile) {
        return profile == null || profile.lastAssessment() == null ? 0 : profile.lastAssessment().totalScore();
    }

    /** Rule id to [points under current, points under candidate] for every rule that scored differently. */
    private static Map<String, List<Integer>> differingRules(LeadProfile was, LeadProfile would) {
        Map<String, Integer> before = points(was);
        Map<String, Integer> after = points(would);
        Map<String, List<Integer>> differing = new LinkedHashMap<>();
        Set<String> ids = new java.util.TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Integer a = before.getOrDefault(id, 0);
            Integer b = after.getOrDefault(id, 0);
            if (!Objects.equals(a, b) || before.containsKey(id) != after.containsKey(id)) {
                differing.put(id, List.of(a, b));
            }
        }
        return differing;
    }

    private static Map<String, Integer> points(LeadProfile profile) {
        Map<String, Integer> points = new HashMap<>();
        if (profile != null && profile.lastAssessment() != null) {
            profile.lastAssessment().reasons().forEach(reason -> points.merge(reason.ruleId(), reason.points(), Integer::sum));
        }
        return points;
    }
}
