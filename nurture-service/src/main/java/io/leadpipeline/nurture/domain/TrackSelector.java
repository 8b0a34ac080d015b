package io.leadpipeline.nurture.domain;

import java.util.List;
import java.util.Optional;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.RejectionReason;

/**
 * Which nurture track a lead goes to: the first configured track serving its reason and persona. Only LOW_SCORE,
 * NOT_A_FIT and STALE rejections and closers' rejections are nurtured; disqualified leads never are.
 */
public final class TrackSelector {

    private final List<Track> tracks;

    public TrackSelector(List<Track> tracks) {
        this.tracks = List.copyOf(tracks);
    }

    public Optional<Track> select(NurtureEnrollmentReason reason, Persona persona) {
        return tracks.stream().filter(track -> track.serves().matches(reason, persona)).findFirst();
    }

    /** The enrollment reason for a qualification rejection, when it is nurturable. */
    public static Optional<NurtureEnrollmentReason> nurturable(RejectionReason reason) {
        if (reason == null) {
            return Optional.empty();
        }
        return switch (reason) {
            case LOW_SCORE -> Optional.of(NurtureEnrollmentReason.LOW_SCORE);
            case NOT_A_FIT -> Optional.of(NurtureEnrollmentReason.NOT_A_FIT);
            case STALE -> Optional.of(NurtureEnrollmentReason.STALE);
            default -> Optional.empty();
        };
    }
}
