package io.leadpipeline.nurture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.events.SuppressionReason;
import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.nurture.TestRules;
import io.leadpipeline.nurture.domain.NurtureEffect.Enrolled;
import io.leadpipeline.nurture.domain.NurtureEffect.Exited;
import io.leadpipeline.nurture.domain.NurtureEffect.NoTrackServes;
import io.leadpipeline.nurture.domain.NurtureEffect.NotEnrolled;
import io.leadpipeline.nurture.domain.NurtureEffect.Parked;
import io.leadpipeline.nurture.domain.NurtureEffect.StepCancelled;
import io.leadpipeline.nurture.domain.NurtureEffect.StepScheduled;
import io.leadpipeline.nurture.domain.NurtureEffect.TouchSent;
import io.leadpipeline.nurture.domain.NurtureEffect.TouchWithheld;

/**
 * Proves nurture's rules on plain values, without Kafka: what each decision, handoff outcome, engagement and due step
 * does to a lead's state, and the effects (enrollments, exits, touches, schedule) it asks the adapter to carry out.
 * The test rules are {@link TestRules#YAML}: cool-down 7 days, 3 cycles, quiet hours 20:00–08:00 on the nurture track.
 */
class NurtureStateMachineTest {

    private static final String LEAD = "lead-1";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Contact CONSENTING = new Contact("robin@example.org", "Robin", "Reader", null, true);
    private static final Contact NOT_CONSENTING = new Contact("robin@example.org", "Robin", "Reader", null, false);
    private static final Persona ORDINARY = new Persona(Grade.C, null, FormType.NEWSLETTER_SIGNUP);
    /** NurtureIds.enrollment(LEAD, "decision-1") as the service has always derived it: downstream dedups on it. */
    private static final String ENROLLMENT_ID = "997a4312-c84a-5dd4-93e9-ae0d52c3bbd5";
    /** NurtureIds.touch(ENROLLMENT_ID, 1), likewise fixed. */
    private static final String FIRST_TOUCH_ID = "e16d0f39-7f11-5d1b-9dcb-9fe45ba4e7ae";

    private final NurtureStateMachine nurture = new NurtureStateMachine(TestRules.rules());

    // --- enrollment ---

    @Test
    void shouldEnrollALeadRejectedAsNotAFitWithConsentInItsTrackAndScheduleTheFirstStep() {
        Transition transition = nurture.onDecision(LEAD, Optional.empty(), rejected("decision-1", RejectionReason.NOT_A_FIT, CONSENTING), T0);

        Enrollment enrollment = new Enrollment(ENROLLMENT_ID, "nurture", NurtureEnrollmentReason.NOT_A_FIT, 1, "decision-1", T0,
                null, List.of(), 1, T0, null, null);
        assertEquals(List.of(new Enrolled(enrollment), new StepScheduled(ENROLLMENT_ID, 1, T0)), transition.effects());
        assertEquals(new LeadNurture(LEAD, CONSENTING, false, false, null, List.of(enrollment), List.of()), state(transition));
    }

    @Test
    void shouldPickTheFirstTrackServingTheReasonAndPersona() {
        assertEquals("fit-warm-up", enrolledTrack(RejectionReason.LOW_SCORE, new Persona(Grade.A, null, FormType.WEBINAR_REGISTRATION)));
        assertEquals("webinar", enrolledTrack(RejectionReason.LOW_SCORE, new Persona(Grade.D, null, FormType.WEBINAR_REGISTRATION)));
        assertEquals("warm-up", enrolledTrack(RejectionReason.STALE, ORDINARY));
        assertEquals("education", enrolledTrack(RejectionReason.NOT_A_FIT, new Persona(Grade.D, "Education", null)));
        assertEquals("nurture", enrolledTrack(RejectionReason.NOT_A_FIT, ORDINARY));
    }

    @Test
    void shouldEnrollALeadWithoutMarketingConsentAsSuppressedAndWithholdItsTouches() {
        LeadNurture lead = state(nurture.onDecision(LEAD, Optional.empty(), rejected("decision-1", RejectionReason.NOT_A_FIT, NOT_CONSENTING), T0));
        Enrollment enrollment = lead.active().orElseThrow();
        assertEquals(SuppressionReason.NO_CONSENT, enrollment.suppressionReason());

        Instant now = T0.plusSeconds(5);
        Transition due = nurture.onStepDue(Optional.of(lead), ENROLLMENT_ID, 1, now);
        Touch withheld = new Touch(FIRST_TOUCH_ID, 1, "nurture-1", TouchChannel.EMAIL, T0, now, TouchStatus.SUPPRESSED);
        assertEquals(List.of(new TouchWithheld(enrollment, withheld), new StepScheduled(ENROLLMENT_ID, 2, now.plus(Duration.ofDays(2)))),
                due.effects(), "the track runs its course silently");
    }

    @Test
    void shouldRecycleALeadAClosersRejectedAndSuppressItWhenThereIsNoAddress() {
        HandoffOutcome rejected = new HandoffOutcome("outcome-1", HandoffOutcomeType.REJECTED, new Persona(null, null, null), null);
        Transition transition = nurture.onHandoffOutcome(LEAD, Optional.empty(), rejected, T0);

        Enrollment enrollment = new Enrollment(NurtureIds.enrollment(LEAD, "outcome-1"), "recycle", NurtureEnrollmentReason.CLOSER_REJECTED,
                1, "outcome-1", T0, SuppressionReason.OTHER, List.of(), 1, T0.plus(Duration.ofHours(1)), null, null);
        assertEquals(List.of(new Enrolled(enrollment), new StepScheduled(enrollment.enrollmentId(), 1, T0.plus(Duration.ofHours(1)))),
                transition.effects());
        assertNull(state(transition).contact());
    }

    @Test
    void shouldLeaveRejectionsNurtureHasNoTrackForAlone() {
        assertEquals(Transition.none(), nurture.onDecision(LEAD, Optional.empty(), rejected("d", RejectionReason.OTHER, CONSENTING), T0));
        assertEquals(Transition.none(), nurture.onDecision(LEAD, Optional.empty(), rejected("d", null, CONSENTING), T0));
    }

    @Test
    void shouldKeepOneActiveEnrollmentButTakeTheFreshestConsent() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Transition again = nurture.onDecision(LEAD, Optional.of(lead), rejected("decision-2", RejectionReason.STALE, NOT_CONSENTING), T0);

        assertEquals(List.of(new NotEnrolled(EnrollmentVerdict.ALREADY_ENROLLED)), again.effects());
        assertEquals(lead.withContact(NOT_CONSENTING), state(again));
        assertInstanceOf(TouchWithheld.class, nurture.onStepDue(again.state(), ENROLLMENT_ID, 1, T0).effects().get(0),
                "consent withdrawn mid-track: no more touches");
    }

    @Test
    void shouldEnrollOnceForTheSameRejection() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Transition redelivered = nurture.onDecision(LEAD, Optional.of(lead), rejected("decision-1", RejectionReason.NOT_A_FIT, CONSENTING), T0);
        assertEquals(Transition.to(lead, List.of(new NotEnrolled(EnrollmentVerdict.DUPLICATE))), redelivered);
    }

    @Test
    void shouldNotEnrollWhenNoTrackServesTheReason() {
        NurtureRules rules = TestRules.rules();
        NurtureStateMachine withoutRecycling = new NurtureStateMachine(new NurtureRules(
                rules.tracks().stream().filter(track -> !track.id().equals("recycle")).toList(), rules.reenrollment(), rules.countryTimezones(), rules.version()));
        HandoffOutcome rejected = new HandoffOutcome("outcome-1", HandoffOutcomeType.REJECTED, ORDINARY, CONSENTING);

        assertEquals(new Transition(Optional.empty(), List.of(new NoTrackServes(NurtureEnrollmentReason.CLOSER_REJECTED))),
                withoutRecycling.onHandoffOutcome(LEAD, Optional.empty(), rejected, T0));
    }

    // --- touches and cadence ---

    @Test
    void shouldSendADueTouchToTheLeadAndScheduleTheNextStepCountedFromIt() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Enrollment enrollment = lead.active().orElseThrow();
        Instant now = T0.plusSeconds(4); // the tick comes a little after the due time

        Transition due = nurture.onStepDue(Optional.of(lead), ENROLLMENT_ID, 1, now);
        Touch touch = new Touch(FIRST_TOUCH_ID, 1, "nurture-1", TouchChannel.EMAIL, T0, now, TouchStatus.SENT);
        Instant next = now.plus(Duration.ofDays(2));
        assertEquals(List.of(new TouchSent(enrollment, touch, CONSENTING), new StepScheduled(ENROLLMENT_ID, 2, next)), due.effects());
        assertEquals(lead.withLast(enrollment.withTouch(touch, 2, next)), state(due));
    }

    @Test
    void shouldCompleteTheTrackWithItsLastTouch() {
        LeadNurture lead = enrolled(RejectionReason.LOW_SCORE, new Persona(Grade.A, null, null)); // fit-warm-up: one step
        Enrollment enrollment = lead.active().orElseThrow();
        Instant now = T0.plusSeconds(10);

        Transition due = nurture.onStepDue(Optional.of(lead), ENROLLMENT_ID, 1, now);
        Touch touch = new Touch(FIRST_TOUCH_ID, 1, "fit-1", TouchChannel.EMAIL, T0, now, TouchStatus.SENT);
        Enrollment completed = enrollment.withTouch(touch, null, null).exited(NurtureExitReason.COMPLETED, now);
        assertEquals(List.of(new TouchSent(enrollment, touch, CONSENTING), new Exited(completed)), due.effects(),
                "nothing left to schedule or cancel");
        assertEquals(lead.withLast(completed), state(due));
    }

    @Test
    void shouldHoldATouchThatFallsInTheLeadsQuietHoursUntilTheirEndInItsTimezone() {
        Contact german = new Contact("leser@example.de", "Lea", "Leser", "DE", true);
        Instant evening = Instant.parse("2026-03-02T19:30:00Z"); // 20:30 in Berlin: quiet until 08:00 Berlin = 07:00 UTC
        Transition enrolled = nurture.onDecision(LEAD, Optional.empty(), rejected("decision-1", RejectionReason.NOT_A_FIT, german), evening);
        Instant morning = Instant.parse("2026-03-03T07:00:00Z");
        assertEquals(new StepScheduled(ENROLLMENT_ID, 1, morning), enrolled.effects().get(1));

        // Step 2 is due 2 days after a touch sent late in the evening: it waits for the morning too.
        Instant lateTouch = Instant.parse("2026-03-03T19:30:00Z");
        Transition due = nurture.onStepDue(enrolled.state(), ENROLLMENT_ID, 1, lateTouch);
        assertEquals(new StepScheduled(ENROLLMENT_ID, 2, Instant.parse("2026-03-06T07:00:00Z")), due.effects().get(1));
    }

    @Test
    void shouldIgnoreAStepOfAnEnrollmentThatHasMovedOn() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        assertEquals(Transition.none(), nurture.onStepDue(Optional.of(lead), "another-enrollment", 1, T0));
        assertEquals(Transition.none(), nurture.onStepDue(Optional.of(lead), ENROLLMENT_ID, 2, T0));
        assertEquals(Transition.none(), nurture.onStepDue(Optional.empty(), ENROLLMENT_ID, 1, T0));
        LeadNurture exited = state(nurture.onEngagement(LEAD, Optional.of(lead), EngagementType.UNSUBSCRIBED, T0));
        assertEquals(Transition.none(), nurture.onStepDue(Optional.of(exited), ENROLLMENT_ID, 1, T0));
    }

    @Test
    void shouldCompleteAnEnrollmentWhoseTrackWasRemovedOrShortenedInTheRules() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        NurtureRules rules = TestRules.rules();
        Track nurtureTrack = rules.track("nurture").orElseThrow();
        List<Track> others = rules.tracks().stream().filter(track -> track != nurtureTrack).toList();
        Enrollment completed = lead.active().orElseThrow().exited(NurtureExitReason.COMPLETED, T0);
        Transition expected = Transition.to(lead.withLast(completed), List.of(new StepCancelled(T0), new Exited(completed)));

        NurtureStateMachine removed = new NurtureStateMachine(new NurtureRules(others, rules.reenrollment(), rules.countryTimezones(), rules.version()));
        assertEquals(expected, removed.onStepDue(Optional.of(lead), ENROLLMENT_ID, 1, T0), "no touch from a track that is gone");

        LeadNurture atStepTwo = lead.withLast(lead.active().orElseThrow().withTouch(
                new Touch(FIRST_TOUCH_ID, 1, "nurture-1", TouchChannel.EMAIL, T0, T0, TouchStatus.SENT), 2, T0));
        Track oneStep = new Track("nurture", nurtureTrack.serves(), nurtureTrack.steps().subList(0, 1), nurtureTrack.quietHours());
        List<Track> shortenedTracks = new ArrayList<>(others);
        shortenedTracks.add(oneStep);
        NurtureStateMachine shortened = new NurtureStateMachine(new NurtureRules(shortenedTracks, rules.reenrollment(), rules.countryTimezones(), rules.version()));
        Transition due = shortened.onStepDue(Optional.of(atStepTwo), ENROLLMENT_ID, 2, T0);
        assertEquals(NurtureExitReason.COMPLETED, ((Exited) due.effects().get(1)).enrollment().exitReason());
        assertFalse(due.effects().stream().anyMatch(effect -> effect instanceof TouchSent));
    }

    // --- exits ---

    @Test
    void shouldExitWithUnsubscribedAndNeverTouchTheLeadAgain() {
        NurtureStateMachine quickCoolDown = new NurtureStateMachine(TestRules.withReenrollment("1d", 3));
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Instant at = T0.plus(Duration.ofHours(1));

        Transition unsubscribed = quickCoolDown.onEngagement(LEAD, Optional.of(lead), EngagementType.UNSUBSCRIBED, at);
        Enrollment exited = lead.active().orElseThrow().exited(NurtureExitReason.UNSUBSCRIBED, at);
        assertEquals(Transition.to(lead.withLast(exited).unsubscribe(), List.of(new StepCancelled(T0), new Exited(exited))), unsubscribed);

        Instant later = at.plus(Duration.ofDays(2));
        Transition again = quickCoolDown.onDecision(LEAD, unsubscribed.state(), rejected("decision-2", RejectionReason.LOW_SCORE, CONSENTING), later);
        Enrollment second = state(again).active().orElseThrow();
        assertEquals(2, second.cycle());
        assertEquals(SuppressionReason.UNSUBSCRIBED, second.suppressionReason(), "an unsubscribe is permanent, consent or not");
        assertInstanceOf(TouchWithheld.class, quickCoolDown.onStepDue(again.state(), second.enrollmentId(), 1, later).effects().get(0));
    }

    @Test
    void shouldRememberAnUnsubscribeFromALeadNeverEnrolledAndApplyItOnce() {
        Transition unsubscribed = nurture.onEngagement(LEAD, Optional.empty(), EngagementType.UNSUBSCRIBED, T0);
        assertEquals(Transition.to(LeadNurture.unknown(LEAD).unsubscribe(), List.of()), unsubscribed, "nothing to exit");
        assertEquals(Transition.none(), nurture.onEngagement(LEAD, unsubscribed.state(), EngagementType.UNSUBSCRIBED, T0));
    }

    @Test
    void shouldExitWithErasedAndForgetTheContactDetailsButKeepTheAnonymousHistory() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Transition erased = nurture.onEngagement(LEAD, Optional.of(lead), EngagementType.ERASURE_REQUESTED, T0);

        Enrollment exited = lead.active().orElseThrow().exited(NurtureExitReason.ERASED, T0);
        assertEquals(List.of(new StepCancelled(T0), new Exited(exited)), erased.effects());
        assertEquals(new LeadNurture(LEAD, null, false, true, null, List.of(exited), List.of()), state(erased));
        assertEquals(Transition.none(), nurture.onEngagement(LEAD, erased.state(), EngagementType.ERASURE_REQUESTED, T0), "already forgotten");
        assertEquals(Transition.none(), nurture.onEngagement(LEAD, Optional.empty(), EngagementType.ERASURE_REQUESTED, T0), "nothing kept");
    }

    @Test
    void shouldExitWithQualifiedWhenTheLeadBecomesAnMqlOrSql() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Contact moved = new Contact("robin@new.example", "Robin", "Reader", "DE", true);
        Transition qualified = nurture.onDecision(LEAD, Optional.of(lead), decision("decision-2", LeadStage.SQL, moved), T0);

        Enrollment exited = lead.active().orElseThrow().exited(NurtureExitReason.QUALIFIED, T0);
        assertEquals(Transition.to(lead.withContact(moved).withLast(exited), List.of(new StepCancelled(T0), new Exited(exited))), qualified);
        assertEquals(Transition.none(), nurture.onDecision(LEAD, Optional.empty(), decision("decision-3", LeadStage.MQL, moved), T0),
                "nothing kept about a lead nurture never saw");
    }

    @Test
    void shouldExitWithHandedOffWhenACloserAcceptsAndIgnoreExpiredOrReassignedHandoffs() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Transition accepted = nurture.onHandoffOutcome(LEAD, Optional.of(lead), outcome(HandoffOutcomeType.ACCEPTED), T0);
        assertEquals(NurtureExitReason.HANDED_OFF, ((Exited) accepted.effects().get(1)).enrollment().exitReason());
        assertFalse(state(accepted).active().isPresent());

        assertEquals(Transition.none(), nurture.onHandoffOutcome(LEAD, Optional.of(lead), outcome(HandoffOutcomeType.EXPIRED), T0));
        assertEquals(Transition.none(), nurture.onHandoffOutcome(LEAD, Optional.of(lead), outcome(HandoffOutcomeType.REASSIGNED), T0));
        assertEquals(Transition.none(), nurture.onHandoffOutcome(LEAD, Optional.empty(), outcome(HandoffOutcomeType.ACCEPTED), T0));
    }

    @Test
    void shouldIgnoreEngagementsOtherThanUnsubscribeAndErasure() {
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        assertEquals(Transition.none(), nurture.onEngagement(LEAD, Optional.of(lead), EngagementType.EMAIL_CLICKED, T0));
    }

    // --- disqualification ---

    @Test
    void shouldExitWithDisqualifiedOnceAndKeepTheLeadOutOfNurtureUntilItRequalifies() {
        NurtureStateMachine noCoolDown = new NurtureStateMachine(TestRules.withReenrollment("0d", 5));
        LeadNurture lead = enrolled(RejectionReason.NOT_A_FIT);
        Decision spam = rejected("decision-2", RejectionReason.DISQUALIFIED_SPAM, CONSENTING);

        Transition disqualified = noCoolDown.onDecision(LEAD, Optional.of(lead), spam, T0);
        Enrollment exited = lead.active().orElseThrow().exited(NurtureExitReason.DISQUALIFIED, T0);
        assertEquals(Transition.to(lead.withLast(exited).disqualify("decision-2", RejectionReason.DISQUALIFIED_SPAM, T0),
                List.of(new StepCancelled(T0), new Exited(exited))), disqualified);
        assertEquals(Transition.none(), noCoolDown.onDecision(LEAD, disqualified.state(), spam, T0), "the same decision again");

        Transition stale = noCoolDown.onDecision(LEAD, disqualified.state(), rejected("decision-3", RejectionReason.STALE, CONSENTING), T0);
        assertEquals(List.of(new NotEnrolled(EnrollmentVerdict.DISQUALIFIED)), stale.effects());
        HandoffOutcome closerRejected = new HandoffOutcome("outcome-1", HandoffOutcomeType.REJECTED, ORDINARY, CONSENTING);
        assertEquals(List.of(new NotEnrolled(EnrollmentVerdict.DISQUALIFIED)),
                noCoolDown.onHandoffOutcome(LEAD, stale.state(), closerRejected, T0).effects());

        Transition requalified = noCoolDown.onDecision(LEAD, stale.state(), decision("decision-4", LeadStage.MQL, CONSENTING), T0);
        assertEquals(List.of(), requalified.effects(), "nothing active to exit");
        assertFalse(state(requalified).disqualified());
        Transition enrolledAgain = noCoolDown.onDecision(LEAD, requalified.state(), rejected("decision-5", RejectionReason.STALE, CONSENTING), T0);
        Enrollment again = ((Enrolled) enrolledAgain.effects().get(0)).enrollment();
        assertEquals(List.of("warm-up", "2"), List.of(again.track(), Integer.toString(again.cycle())));
    }

    @Test
    void shouldKeepNothingAboutADisqualifiedLeadNurtureNeverSaw() {
        assertEquals(Transition.none(),
                nurture.onDecision(LEAD, Optional.empty(), rejected("decision-1", RejectionReason.DISQUALIFIED_COMPETITOR, CONSENTING), T0));
    }

    // --- re-enrollment ---

    @Test
    void shouldReEnrollOnlyAfterTheCoolDown() {
        LeadNurture completed = completedOnce(nurture, "decision-1", T0);
        Instant exitedAt = completed.last().orElseThrow().exitedAt();

        Transition tooSoon = nurture.onDecision(LEAD, Optional.of(completed), rejected("decision-2", RejectionReason.LOW_SCORE, CONSENTING),
                exitedAt.plus(Duration.ofDays(3)));
        assertEquals(Transition.to(completed, List.of(new NotEnrolled(EnrollmentVerdict.COOLING_DOWN))), tooSoon);

        Transition afterCoolDown = nurture.onDecision(LEAD, Optional.of(completed), rejected("decision-2", RejectionReason.LOW_SCORE, CONSENTING),
                exitedAt.plus(Duration.ofDays(7)));
        assertEquals(2, ((Enrolled) afterCoolDown.effects().get(0)).enrollment().cycle());
    }

    @Test
    void shouldParkALeadRejectedAgainPastTheCycleCapAndThenLeaveItParked() {
        NurtureStateMachine twoCycles = new NurtureStateMachine(TestRules.withReenrollment("0d", 2));
        LeadNurture once = completedOnce(twoCycles, "decision-1", T0);
        Transition second = twoCycles.onDecision(LEAD, Optional.of(once), rejected("decision-2", RejectionReason.LOW_SCORE, CONSENTING, Grade.A), T0);
        LeadNurture twice = state(twoCycles.onStepDue(second.state(), state(second).active().orElseThrow().enrollmentId(), 1, T0));

        Instant at = T0.plus(Duration.ofDays(1));
        Transition parked = twoCycles.onDecision(LEAD, Optional.of(twice), rejected("decision-3", RejectionReason.LOW_SCORE, CONSENTING), at);
        assertEquals(Transition.to(twice.park(at), List.of(new Parked(2))), parked);
        Transition stillParked = twoCycles.onDecision(LEAD, parked.state(), rejected("decision-4", RejectionReason.LOW_SCORE, CONSENTING), at);
        assertEquals(Transition.to(twice.park(at), List.of(new NotEnrolled(EnrollmentVerdict.PARKED))), stillParked);
    }

    // --- helpers ---

    private static Decision rejected(String decisionId, RejectionReason reason, Contact contact) {
        return rejected(decisionId, reason, contact, Grade.C);
    }

    private static Decision rejected(String decisionId, RejectionReason reason, Contact contact, Grade grade) {
        return new Decision(decisionId, LeadStage.REJECTED, reason, new Persona(grade, null, FormType.NEWSLETTER_SIGNUP), contact);
    }

    private static Decision decision(String decisionId, LeadStage stage, Contact contact) {
        return new Decision(decisionId, stage, null, ORDINARY, contact);
    }

    private static HandoffOutcome outcome(HandoffOutcomeType type) {
        return new HandoffOutcome("outcome-" + type, type, ORDINARY, CONSENTING);
    }

    /** The lead after "decision-1" rejected it (consenting) at T0. */
    private LeadNurture enrolled(RejectionReason reason) {
        return enrolled(reason, ORDINARY);
    }

    private LeadNurture enrolled(RejectionReason reason, Persona persona) {
        Decision decision = new Decision("decision-1", LeadStage.REJECTED, reason, persona, CONSENTING);
        return state(nurture.onDecision(LEAD, Optional.empty(), decision, T0));
    }

    /** The lead after a grade-A LOW_SCORE rejection enrolled it in fit-warm-up (one step) and that step was sent. */
    private static LeadNurture completedOnce(NurtureStateMachine machine, String decisionId, Instant at) {
        Transition enrolled = machine.onDecision(LEAD, Optional.empty(), rejected(decisionId, RejectionReason.LOW_SCORE, CONSENTING, Grade.A), at);
        String enrollmentId = state(enrolled).active().orElseThrow().enrollmentId();
        return state(machine.onStepDue(enrolled.state(), enrollmentId, 1, at));
    }

    private String enrolledTrack(RejectionReason reason, Persona persona) {
        Transition transition = nurture.onDecision(LEAD, Optional.empty(), new Decision("d", LeadStage.REJECTED, reason, persona, CONSENTING), T0);
        return ((Enrolled) transition.effects().get(0)).enrollment().track();
    }

    private static LeadNurture state(Transition transition) {
        return transition.state().orElseThrow(() -> new AssertionError("no state to store: " + transition));
    }
}
