package io.leadpipeline.qualification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.qualification.domain.scoring.Scorer;
import io.leadpipeline.qualification.domain.scoring.ScoringRules;

/**
 * The stage machine: applies each event to a lead's profile once, re-assesses it and decides whether its stage
 * changes. Rules, in one place:
 * <ul>
 * <li>Every known lead (one that converted) gets a first decision; after that a decision only on a stage change, or when
 * a rejected lead turns out to be disqualified (REJECTED → REJECTED/DISQUALIFIED_*, so nurture stops contacting it).</li>
 * <li>Within a cycle stages only move up (REJECTED → MQL → SQL), and only on new activity; decay never moves a lead
 * down. The two ways down: an MQL without progress for {@code stale.mqlAfterDays} becomes REJECTED/STALE (by time),
 * and a disqualification takes an MQL out. An SQL lead stays SQL until a closer rejects it.</li>
 * <li>A closer's rejection starts a new cycle, back with marketing (REJECTED, no decision written: routing and nurture
 * act on the closer's outcome itself), and the lead may not be SQL again until the cool-down ends.</li>
 * <li>Engagements of a lead that has not converted yet are kept (pending) and count once it converts.</li>
 * </ul>
 */
public final class Qualification {

    private final Scorer scorer;

    public Qualification(ScoringRules rules) {
        this.scorer = new Scorer(rules);
    }

    public Scorer scorer() {
        return scorer;
    }

    /** A decision to write to lead.decisions. */
    public record Decision(String decisionId, LeadStage stage, LeadStage previousStage, RejectionReason rejectionReason,
            Assessment assessment, List<Reason> reasons, String triggeringEventId, Instant decidedAt, int cycle) {
    }

    /**
     * The result of applying an event or a scan: the profile to store (null: delete it), whether it changed, the
     * decisions to write, in order (none, one, or two when a sign-up is read after engagements that followed it), and,
     * when the lead was erased, the time to remember it by ({@code erasedAt}, else null).
     */
    public record Step(LeadProfile profile, boolean changed, List<Decision> decisions, Instant erasedAt) {

        public Step(LeadProfile profile, boolean changed, List<Decision> decisions) {
            this(profile, changed, decisions, null);
        }

        static Step unchanged(LeadProfile profile) {
            return new Step(profile, false, List.of());
        }

        static Step stored(LeadProfile profile) {
            return new Step(profile, true, List.of());
        }

        /** The person asked to be forgotten: the profile goes, and only the lead id and the time are kept. */
        static Step erased(Instant at) {
            return new Step(null, true, List.of(), at);
        }
    }

    public Step apply(LeadProfile current, String leadId, LeadEvent event) {
        return apply(current, leadId, event, null);
    }

    /**
     * As {@link #apply(LeadProfile, String, LeadEvent)} for a lead erased at {@code erasedAt} (null: never erased).
     * Whatever happened before the erasure was erased with it, however late it is read (a conversion on one topic may
     * be read after the erasure on another). After it, the lead is new again only on a fresh opt-in: a form with
     * marketing consent given after the erasure; until then engagements wait as they do for any unknown lead, and
     * closers' outcomes and nurture events of the erased lead are ignored.
     */
    public Step apply(LeadProfile current, String leadId, LeadEvent event, Instant erasedAt) {
        if (erasedAt != null && !event.at().isAfter(erasedAt)) {
            return Step.unchanged(current);
        }
        if (event instanceof LeadEvent.Engaged engaged && engaged.type() == EngagementType.ERASURE_REQUESTED) {
            return Step.erased(engaged.at());
        }
        boolean forgotten = erasedAt != null && (current == null || !current.isKnown());
        if (forgotten && !startsAfresh(event)) {
            return Step.unchanged(current);
        }
        LeadProfile profile = current == null ? LeadProfile.newLead(leadId) : current;
        if (profile.hasApplied(event.eventId())) {
            return Step.unchanged(current); // a redelivered or resubmitted event never counts twice
        }
        profile = profile.withClock(event.at());
        Instant now = profile.clock();
        return switch (event) {
            case LeadEvent.Converted converted -> converted(profile, converted, now);
            case LeadEvent.Engaged engaged -> engaged(profile, engaged, now);
            case LeadEvent.HandoffConcluded outcome -> handoffConcluded(profile, outcome, now);
            case LeadEvent.EnteredNurture entered -> Step.stored(profile
                    .withNurture(new NurtureStatus(entered.enrollmentId(), entered.track(), entered.cycle(), entered.at()))
                    .withApplied(entered.eventId(), entered.at()));
            case LeadEvent.LeftNurture left -> Step.stored((profile.nurture() != null
                    && left.enrollmentId().equals(profile.nurture().enrollmentId()) ? profile.withNurture(null) : profile)
                    .withApplied(left.eventId(), left.at()));
        };
    }

    /** What may bring an erased lead back: a form with marketing consent, or an engagement that waits for one. */
    private static boolean startsAfresh(LeadEvent event) {
        return switch (event) {
            case LeadEvent.Converted converted -> converted.marketingOptIn();
            case LeadEvent.Engaged engaged -> true;
            default -> false;
        };
    }

    /**
     * Re-assesses a lead as time passes (the periodic scan): decay is stored so reads stay right, and an MQL without
     * progress for too long becomes REJECTED/STALE. Never moves a lead up.
     */
    public Step scan(LeadProfile profile, Instant wallClock) {
        if (!profile.isKnown()) {
            return Step.unchanged(profile);
        }
        Instant now = profile.clock() != null && profile.clock().isAfter(wallClock) ? profile.clock() : wallClock;
        Assessment assessment = scorer.assess(profile, now);
        Instant lastProgress = profile.lastProgressAt();
        if (profile.stage() == LeadStage.MQL && lastProgress != null
                && !now.isBefore(lastProgress.plus(scorer.rules().staleMqlAfter()))) {
            List<Reason> reasons = new ArrayList<>(assessment.reasons());
            reasons.add(new Reason("stage.stale", 0, "No progress as an MQL for " + scorer.rules().staleMqlAfter().toDays()
                    + " days (last activity on " + lastProgress + "): back to marketing."));
            String trigger = EventIds.derive("stale", profile.leadId(), Integer.toString(profile.cycle()), lastProgress.toString());
            return decide(profile.withAssessment(assessment), assessment, LeadStage.REJECTED, RejectionReason.STALE, reasons,
                    trigger, now, "MQL without progress since " + lastProgress);
        }
        if (assessment.sameScoresAs(profile.lastAssessment())) {
            return Step.unchanged(profile);
        }
        return Step.stored(profile.withAssessment(assessment));
    }

    /**
     * The explicit "re-assess all leads" after a scoring change: the lead is scored under these rules at {@code now}
     * and, when that gives another stage, decided again (one decision, its id derived from the lead, the rules version
     * and the cycle, so a repeated re-assessment decides nothing twice). A sales-qualified lead is left alone: it is
     * with routing and the closers, and a rules change never pulls it back.
     */
    public Step reassess(LeadProfile profile, Instant now) {
        if (profile == null || !profile.isKnown() || profile.stage() == null || profile.stage() == LeadStage.SQL) {
            return Step.unchanged(profile);
        }
        Assessment assessment = scorer.assess(profile, now);
        boolean staleStaysStale = profile.rejectionReason() == RejectionReason.STALE && assessment.stage() == LeadStage.MQL;
        if (assessment.stage() == profile.stage() || staleStaysStale) { // staleness is about time, not about the rules
            return assessment.sameScoresAs(profile.lastAssessment()) ? Step.unchanged(profile)
                    : Step.stored(profile.withAssessment(assessment));
        }
        String trigger = EventIds.derive("reassess", profile.leadId(), assessment.rulesVersion(), Integer.toString(profile.cycle()));
        return decide(profile.withAssessment(assessment), assessment, assessment.stage(), assessment.rejectionReason(),
                assessment.reasons(), trigger, now, profile.stage() + " → " + assessment.stage() + " re-assessed under rules "
                        + assessment.rulesVersion());
    }

    private Step engaged(LeadProfile profile, LeadEvent.Engaged engaged, Instant now) {
        LeadProfile updated = profile.withEngagement(Activity.engagement(engaged.eventId(), engaged.type(), engaged.url(),
                engaged.touchId(), engaged.at(), profile.cycle()));
        if (engaged.type() == EngagementType.UNSUBSCRIBED) {
            updated = updated.withConsentWithdrawn();
        }
        if (!updated.isKnown()) {
            return Step.stored(updated); // pending: counted once the lead converts
        }
        return afterActivity(updated, engaged, now);
    }

    /**
     * A form fill. A lead's first one may be read after engagements that happened after it (they come on another
     * topic, and a restarted task may read that one first): those are set aside, the sign-up is decided as it stood
     * when it happened, and they are applied after it in their order, so the stages are the same whichever topic
     * was read first (e.g. REJECTED on a newsletter sign-up, then SQL on the meeting booked seconds later).
     */
    private Step converted(LeadProfile profile, LeadEvent.Converted converted, Instant now) {
        List<Activity> later = profile.isKnown() ? List.of() : profile.activities().stream()
                .filter(activity -> activity.kind() == Activity.Kind.ENGAGEMENT && activity.occurredAt().isAfter(converted.at()))
                .sorted(Comparator.comparing(Activity::occurredAt))
                .toList();
        LeadProfile signedUp = profile.withoutActivities(later).withConversion(converted.eventId(), converted.contact(),
                converted.marketingOptIn(), converted.consentText(), converted.attribution(), converted.formType(), converted.at());
        Step step = afterActivity(signedUp, converted, now);
        List<Decision> decisions = new ArrayList<>(step.decisions());
        for (Activity activity : later) {
            step = engaged(step.profile(), new LeadEvent.Engaged(activity.eventId(), activity.occurredAt(), activity.engagementType(),
                    activity.url(), activity.touchId()), now);
            decisions.addAll(step.decisions());
        }
        return new Step(step.profile(), true, List.copyOf(decisions));
    }

    private Step handoffConcluded(LeadProfile profile, LeadEvent.HandoffConcluded outcome, Instant now) {
        if (outcome.outcome() != HandoffOutcomeType.REJECTED || profile.stage() != LeadStage.SQL) {
            return Step.stored(profile.withApplied(outcome.eventId(), outcome.at()));
        }
        Instant coolDownEnds = outcome.at().plus(scorer.rules().recycleCoolDown());
        LeadProfile recycled = profile.recycled(outcome.eventId(), outcome.at(), coolDownEnds,
                "Recycled: closer " + outcome.closerId() + " rejected the lead" + (outcome.reasonCode() == null ? "" : " ("
                        + outcome.reasonCode() + ")") + "; cycle " + (profile.cycle() + 1) + " starts, SQL again no earlier than "
                        + coolDownEnds + ".");
        return Step.stored(recycled.withAssessment(scorer.assess(recycled, now)));
    }

    private Step afterActivity(LeadProfile profile, LeadEvent trigger, Instant now) {
        Assessment assessment = scorer.assess(profile, now);
        LeadProfile assessed = profile.withAssessment(assessment);
        LeadStage current = profile.stage();
        boolean change;
        if (current == null) {
            change = true;
        } else {
            change = switch (current) {
                case SQL -> false;
                case MQL -> assessment.stage() == LeadStage.SQL
                        || (assessment.stage() == LeadStage.REJECTED && isDisqualification(assessment.rejectionReason()));
                // A rejected lead found to be disqualified is a decision too: nurture must stop mailing it.
                case REJECTED -> assessment.stage() != LeadStage.REJECTED
                        || (isDisqualification(assessment.rejectionReason()) && !isDisqualification(profile.rejectionReason()));
            };
        }
        if (!change) {
            return Step.stored(assessed);
        }
        String note = current == null ? "First decision" : current + " → " + assessment.stage() + " on new activity";
        return decide(assessed, assessment, assessment.stage(), assessment.rejectionReason(), assessment.reasons(),
                trigger.eventId(), now, note);
    }

    private static Step decide(LeadProfile profile, Assessment assessment, LeadStage stage, RejectionReason reason,
            List<Reason> reasons, String triggeringEventId, Instant now, String note) {
        String decisionId = EventIds.derive("decision", profile.leadId(), triggeringEventId);
        Decision decision = new Decision(decisionId, stage, profile.stage(), reason, assessment, List.copyOf(reasons),
                triggeringEventId, now, profile.cycle());
        return new Step(profile.withStage(new StageChange(stage, reason, now, decisionId, profile.cycle(), note)), true,
                List.of(decision));
    }

    public static boolean isDisqualification(RejectionReason reason) {
        return reason != null && reason.name().startsWith("DISQUALIFIED_");
    }
}
