package io.leadpipeline.nurture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.nurture.TestRules;

/** Proves a lead gets the first track serving its reason and persona, and disqualified leads never get one. */
class TrackSelectorTest {

    private final TrackSelector selector = new TrackSelector(TestRules.rules().tracks());
    private static final Persona NOBODY_IN_PARTICULAR = new Persona(Grade.C, null, FormType.NEWSLETTER_SIGNUP);

    @Test
    void shouldPickTheCatchAllTrackPerReasonForAnOrdinaryPersona() {
        assertEquals("warm-up", trackFor(NurtureEnrollmentReason.LOW_SCORE, NOBODY_IN_PARTICULAR));
        assertEquals("warm-up", trackFor(NurtureEnrollmentReason.STALE, NOBODY_IN_PARTICULAR));
        assertEquals("nurture", trackFor(NurtureEnrollmentReason.NOT_A_FIT, NOBODY_IN_PARTICULAR));
        assertEquals("recycle", trackFor(NurtureEnrollmentReason.CLOSER_REJECTED, NOBODY_IN_PARTICULAR));
    }

    @Test
    void shouldPickAPersonaTrackByGradeIndustryOrFormType() {
        assertEquals("fit-warm-up", trackFor(NurtureEnrollmentReason.LOW_SCORE, new Persona(Grade.B, null, FormType.NEWSLETTER_SIGNUP)));
        assertEquals("webinar", trackFor(NurtureEnrollmentReason.LOW_SCORE, new Persona(Grade.D, null, FormType.WEBINAR_REGISTRATION)));
        assertEquals("education", trackFor(NurtureEnrollmentReason.NOT_A_FIT, new Persona(Grade.D, " education ", null)));
    }

    @Test
    void shouldLetTheFirstMatchingTrackWin() {
        // A grade-A webinar sign-up matches both fit-warm-up and webinar; fit-warm-up comes first in the file.
        assertEquals("fit-warm-up", trackFor(NurtureEnrollmentReason.LOW_SCORE, new Persona(Grade.A, null, FormType.WEBINAR_REGISTRATION)));
    }

    @Test
    void shouldNotUseAPersonaTrackWhenThePersonaIsUnknown() {
        assertEquals("warm-up", trackFor(NurtureEnrollmentReason.LOW_SCORE, new Persona(null, null, null)));
        assertEquals("nurture", trackFor(NurtureEnrollmentReason.NOT_A_FIT, new Persona(null, null, null)));
    }

    @Test
    void shouldNurtureOnlyLowScoreNotAFitAndStaleRejections() {
        assertEquals(Optional.of(NurtureEnrollmentReason.LOW_SCORE), TrackSelector.nurturable(RejectionReason.LOW_SCORE));
        assertEquals(Optional.of(NurtureEnrollmentReason.NOT_A_FIT), TrackSelector.nurturable(RejectionReason.NOT_A_FIT));
        assertEquals(Optional.of(NurtureEnrollmentReason.STALE), TrackSelector.nurturable(RejectionReason.STALE));
        for (RejectionReason never : new RejectionReason[] {RejectionReason.DISQUALIFIED_COMPETITOR, RejectionReason.DISQUALIFIED_INVALID,
                RejectionReason.DISQUALIFIED_SPAM, RejectionReason.DISQUALIFIED_EXCLUDED_SEGMENT, RejectionReason.OTHER, null}) {
            assertEquals(Optional.empty(), TrackSelector.nurturable(never), String.valueOf(never));
        }
    }

    @Test
    void shouldServeEveryReasonWithTheShippedTracks() {
        TrackSelector shipped = new TrackSelector(TestRules.shipped().tracks());
        assertEquals("recycle", shipped.select(NurtureEnrollmentReason.CLOSER_REJECTED, NOBODY_IN_PARTICULAR).orElseThrow().id());
        assertEquals("fit-warm-up", shipped.select(NurtureEnrollmentReason.LOW_SCORE, new Persona(Grade.A, null, null)).orElseThrow().id());
        assertEquals("warm-up", shipped.select(NurtureEnrollmentReason.LOW_SCORE, NOBODY_IN_PARTICULAR).orElseThrow().id());
        assertEquals("education", shipped.select(NurtureEnrollmentReason.NOT_A_FIT, NOBODY_IN_PARTICULAR).orElseThrow().id());
        assertEquals("re-engagement", shipped.select(NurtureEnrollmentReason.STALE, NOBODY_IN_PARTICULAR).orElseThrow().id());
    }

    private String trackFor(NurtureEnrollmentReason reason, Persona persona) {
        return selector.select(reason, persona).map(Track::id).orElse("none");
    }
}
