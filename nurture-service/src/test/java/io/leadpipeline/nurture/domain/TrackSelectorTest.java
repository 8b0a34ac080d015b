package io.leadpipeline.nurture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.RejectionReason;

/** Proves nurturable rejections get a track and disqualified leads never do. */
class TrackSelectorTest {

    private final TrackSelector selector = new TrackSelector();

    @Test
    void shouldPickATrackPerNurturableReason() {
        assertEquals(Optional.of("warm-up"), selector.trackFor(RejectionReason.LOW_SCORE));
        assertEquals(Optional.of("education"), selector.trackFor(RejectionReason.NOT_A_FIT));
        assertEquals(Optional.of("re-engagement"), selector.trackFor(RejectionReason.STALE));
    }

    @Test
    void shouldNeverNurtureDisqualifiedLeads() {
        assertEquals(Optional.empty(), selector.trackFor(RejectionReason.DISQUALIFIED_COMPETITOR));
        assertEquals(Optional.empty(), selector.trackFor(RejectionReason.DISQUALIFIED_SPAM));
        assertEquals(Optional.empty(), selector.trackFor(null));
    }
}
