package io.leadpipeline.nurture.domain;

import java.util.Map;
import java.util.Optional;

import io.leadpipeline.events.RejectionReason;

/**
 * Which nurture track a rejection leads to. Only LOW_SCORE, NOT_A_FIT and STALE are nurtured; disqualified
 * leads (competitors, spam, invalid, excluded segments) never are.
 */
public final class TrackSelector {

    private static final Map<RejectionReason, String> TRACKS = Map.of(
            RejectionReason.LOW_SCORE, "warm-up",
            RejectionReason.NOT_A_FIT, "education",
            RejectionReason.STALE, "re-engagement");

    public Optional<String> trackFor(RejectionReason reason) {
        return Optional.ofNullable(reason).map(TRACKS::get);
    }
}
