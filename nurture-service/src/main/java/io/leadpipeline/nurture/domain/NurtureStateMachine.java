package io.leadpipeline.nurture.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.SuppressionReason;

/**
 * Nurture's rules for one lead: what a decision, a handoff outcome, an engagement or a due step does to the lead's
 * state — enrollment (by reason and persona, with consent, cool-down and a cap on cycles), exits, touches and their
 * schedule, unsubscribe, erasure and disqualification. It keeps no state: it is given the lead's stored state
 * ({@code stored}, empty for a lead nurture knows nothing about) and the time, and returns a {@link Transition}.
 */
public final class NurtureStateMachine {

    private final NurtureRules rules;
    private final TrackSelector selector;
    private final EnrollmentPolicy policy;

    public NurtureStateMachine(NurtureRules rules) {
        this.rules = rules;
        this.selector = new TrackSelector(rules.tracks());
        this.policy = new EnrollmentPolicy(rules.reenrollment());
    }

    /**
     * An MQL or SQL decision exits the lead's enrollment (QUALIFIED) and lifts a disqualification; a DISQUALIFIED_*
     * rejection exits it (DISQUALIFIED) and keeps the lead out of nurture; LOW_SCORE, NOT_A_FIT and STALE rejections
     * enroll it; any other rejection concerns nurture not at all.
     */
    public Transition onDecision(String leadId, Optional<LeadNurture> stored, Decision decision, Instant at) {
        if (decision.qualifies()) {
            return requalify(stored, decision.contact(), at);
        }
        if (Disqualification.disqualifies(decision.rejectionReason())) {
            return disqualify(stored, decision, at);
        }
        Optional<NurtureEnrollmentReason> reason = TrackSelector.nurturable(decision.rejectionReason());
        if (reason.isEmpty()) {
            return Transition.none(); // OTHER (or no reason): nothing nurture has a track for
        }
        return enroll(leadId, stored, reason.get(), decision.persona(), decision.contact(), decision.decisionId(), at);
    }

    /** An accepted handoff exits the lead's enrollment (HANDED_OFF); a closer's rejection enrolls it for recycling. */
    public Transition onHandoffOutcome(String leadId, Optional<LeadNurture> stored, HandoffOutcome outcome, Instant at) {
        return switch (outcome.type()) {
            case ACCEPTED -> handOff(stored, outcome.contact(), at);
            case REJECTED -> enroll(leadId, stored, NurtureEnrollmentReason.CLOSER_REJECTED, outcome.persona(), outcome.contact(),
                    outcome.outcomeId(), at);
            // expired or reassigned: the lead is still on its way to a closer
            case EXPIRED, REASSIGNED -> Transition.none();
        };
    }

    /**
     * An unsubscribe exits the lead's enrollment (UNSUBSCRIBED) and is remembered for good, even for a lead never
     * enrolled; an erasure request exits it (ERASED) and forgets the contact details. Other engagements change nothing
     * here: nurture reacts to the decision qualification makes from them.
     */
    public Transition onEngagement(String leadId, Optional<LeadNurture> stored, EngagementType type, Instant at) {
        List<NurtureEffect> effects = new ArrayList<>();
        switch (type) {
            case UNSUBSCRIBED -> {
                LeadNurture lead = stored.orElse(LeadNurture.unknown(leadId));
                if (lead.unsubscribed()) {
                    return Transition.none();
                }
                return Transition.to(exit(lead, NurtureExitReason.UNSUBSCRIBED, at, effects).unsubscribe(), effects);
            }
            case ERASURE_REQUESTED -> {
                if (stored.isEmpty() || (stored.get().erased() && stored.get().contact() == null)) {
                    return Transition.none(); // nothing personal kept about it
                }
                return Transition.to(exit(stored.get(), NurtureExitReason.ERASED, at, effects).erase(), effects);
            }
            default -> {
                return Transition.none();
            }
        }
    }

    /**
     * Step {@code step} of enrollment {@code enrollmentId} fell due: it is sent (or withheld when the lead may not or
     * cannot be reached), then the next step is scheduled or the track completes. A step of an enrollment that has
     * moved on since it was scheduled does nothing.
     */
    public Transition onStepDue(Optional<LeadNurture> stored, String enrollmentId, int step, Instant now) {
        Optional<Enrollment> active = stored.flatMap(LeadNurture::active);
        if (active.isEmpty() || !active.get().enrollmentId().equals(enrollmentId)
                || active.get().nextStep() == null || active.get().nextStep() != step) {
            return Transition.none(); // a leftover of an enrollment that has moved on
        }
        LeadNurture lead = stored.get();
        Enrollment enrollment = active.get();
        List<NurtureEffect> effects = new ArrayList<>();
        Optional<Track> track = rules.track(enrollment.track());
        if (track.isEmpty() || step > track.get().steps().size()) {
            // The track was removed or shortened in the rules since: the enrollment has nothing left to send.
            return Transition.to(exit(lead, NurtureExitReason.COMPLETED, now, effects), effects);
        }
        Step due = track.get().step(step);
        boolean sendable = reachable(lead, enrollment);
        Touch touch = new Touch(NurtureIds.touch(enrollment.enrollmentId(), step), step, due.template(), due.channel(),
                enrollment.nextDueAt(), now, sendable ? TouchStatus.SENT : TouchStatus.SUPPRESSED);
        effects.add(sendable ? new NurtureEffect.TouchSent(enrollment, touch, lead.contact())
                : new NurtureEffect.TouchWithheld(enrollment, touch));
        if (track.get().isLastStep(step)) {
            LeadNurture touched = lead.withLast(enrollment.withTouch(touch, null, null));
            return Transition.to(exit(touched, NurtureExitReason.COMPLETED, now, effects), effects);
        }
        // Counted from this touch, not from when it was due, so a late tick never bunches two touches together.
        Instant next = Cadence.due(track.get(), step + 1, now, timezone(lead));
        effects.add(new NurtureEffect.StepScheduled(enrollment.enrollmentId(), step + 1, next));
        return Transition.to(lead.withLast(enrollment.withTouch(touch, step + 1, next)), effects);
    }

    private Transition enroll(String leadId, Optional<LeadNurture> stored, NurtureEnrollmentReason reason, Persona persona,
            Contact contact, String sourceEventId, Instant at) {
        LeadNurture lead = refreshContact(stored.orElse(LeadNurture.unknown(leadId)), contact);
        EnrollmentVerdict verdict = policy.decide(lead, sourceEventId, at);
        switch (verdict) {
            case ENROLL -> {
                Optional<Track> chosen = selector.select(reason, persona);
                if (chosen.isEmpty()) {
                    // Cannot happen with validated rules (every reason has a catch-all track); kept for safety.
                    return new Transition(Optional.empty(), List.of(new NurtureEffect.NoTrackServes(reason)));
                }
                Track track = chosen.get();
                String enrollmentId = NurtureIds.enrollment(leadId, sourceEventId);
                Instant firstDue = Cadence.firstDue(track, at, timezone(lead));
                Enrollment enrollment = new Enrollment(enrollmentId, track.id(), reason, EnrollmentPolicy.nextCycle(lead),
                        sourceEventId, at, suppression(lead), List.of(), 1, firstDue, null, null);
                return Transition.to(lead.withEnrollment(enrollment), List.of(new NurtureEffect.Enrolled(enrollment),
                        new NurtureEffect.StepScheduled(enrollmentId, 1, firstDue)));
            }
            case PARK -> {
                return Transition.to(lead.park(at), List.of(new NurtureEffect.Parked(lead.enrollments().size())));
            }
            default -> {
                // Not enrolled, but the freshest contact details and consent are kept (a withdrawn consent stops touches).
                return Transition.to(lead, List.of(new NurtureEffect.NotEnrolled(verdict)));
            }
        }
    }

    /** An MQL or SQL decision: the active enrollment exits with QUALIFIED and a disqualification in force is lifted. */
    private Transition requalify(Optional<LeadNurture> stored, Contact contact, Instant at) {
        if (stored.isEmpty()) {
            return Transition.none();
        }
        List<NurtureEffect> effects = new ArrayList<>();
        return Transition.to(exit(refreshContact(stored.get(), contact), NurtureExitReason.QUALIFIED, at, effects).requalify(at),
                effects);
    }

    /** A closer accepted the lead: its active enrollment exits with HANDED_OFF. */
    private Transition handOff(Optional<LeadNurture> stored, Contact contact, Instant at) {
        if (stored.isEmpty()) {
            return Transition.none();
        }
        List<NurtureEffect> effects = new ArrayList<>();
        return Transition.to(exit(refreshContact(stored.get(), contact), NurtureExitReason.HANDED_OFF, at, effects), effects);
    }

    /**
     * A DISQUALIFIED_* decision: the active enrollment exits with DISQUALIFIED and the lead is not enrolled again until
     * an MQL or SQL decision. A lead nurture never kept anything about is left unknown (a flood of spam sign-ups does
     * not fill the store); its next decision is what counts, as before.
     */
    private Transition disqualify(Optional<LeadNurture> stored, Decision decision, Instant at) {
        if (stored.isEmpty() || stored.get().hasDisqualificationFrom(decision.decisionId())) {
            return Transition.none(); // unknown, or the same decision again: its exit was written the first time
        }
        List<NurtureEffect> effects = new ArrayList<>();
        LeadNurture ended = exit(stored.get(), NurtureExitReason.DISQUALIFIED, at, effects);
        return Transition.to(ended.disqualify(decision.decisionId(), decision.rejectionReason(), at), effects);
    }

    /** Ends the lead's active enrollment, if any: its pending step is cancelled and the exit recorded in {@code effects}. */
    private static LeadNurture exit(LeadNurture lead, NurtureExitReason reason, Instant at, List<NurtureEffect> effects) {
        Optional<Enrollment> active = lead.active();
        if (active.isEmpty()) {
            return lead;
        }
        Enrollment enrollment = active.get();
        if (enrollment.nextDueAt() != null) {
            effects.add(new NurtureEffect.StepCancelled(enrollment.nextDueAt()));
        }
        Enrollment exited = enrollment.exited(reason, at);
        effects.add(new NurtureEffect.Exited(exited));
        return lead.withLast(exited);
    }

    /** A touch goes out only to an address, with consent, to a lead that never unsubscribed, in an unsuppressed enrollment. */
    private static boolean reachable(LeadNurture lead, Enrollment enrollment) {
        return !enrollment.suppressed() && !lead.unsubscribed() && lead.contact() != null && lead.contact().marketingOptIn()
                && lead.contact().email() != null;
    }

    /** Why a new enrollment's touches are withheld, or null when they may be sent. */
    private static SuppressionReason suppression(LeadNurture lead) {
        if (lead.unsubscribed()) {
            return SuppressionReason.UNSUBSCRIBED;
        }
        if (lead.contact() == null || lead.contact().email() == null) {
            return SuppressionReason.OTHER; // no address to send to (e.g. a closer's rejection without a lead snapshot)
        }
        if (!lead.contact().marketingOptIn()) {
            return SuppressionReason.NO_CONSENT;
        }
        return null;
    }

    /** The latest contact details and consent replace what was kept (they are what touches use); null keeps them. */
    private static LeadNurture refreshContact(LeadNurture lead, Contact latest) {
        return latest == null ? lead : lead.withContact(latest);
    }

    private Optional<ZoneId> timezone(LeadNurture lead) {
        return lead.contact() == null ? Optional.empty() : rules.timezoneOf(lead.contact().country());
    }
}
