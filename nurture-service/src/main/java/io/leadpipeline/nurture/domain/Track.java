package io.leadpipeline.nurture.domain;

import java.util.List;
import java.util.Optional;

/** A nurture campaign: whom it serves and its ordered steps, with optional quiet hours. */
public record Track(String id, Audience serves, List<Step> steps, Optional<QuietHours> quietHours) {

    public Track {
        steps = List.copyOf(steps);
    }

    /** Step by 1-based number, as touches and events count them. */
    public Step step(int number) {
        return steps.get(number - 1);
    }

    public boolean isLastStep(int number) {
        return number >= steps.size();
    }
}
