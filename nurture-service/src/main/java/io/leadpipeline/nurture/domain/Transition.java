package io.leadpipeline.nurture.domain;

import java.util.List;
import java.util.Optional;

/**
 * What one input did to one lead: the lead's state to store (empty: what is stored stays as it is, or the lead stays
 * unknown) and the effects, in the order they happened.
 */
public record Transition(Optional<LeadNurture> state, List<NurtureEffect> effects) {

    private static final Transition NONE = new Transition(Optional.empty(), List.of());

    public Transition {
        effects = List.copyOf(effects);
    }

    /** The input changes nothing about the lead. */
    public static Transition none() {
        return NONE;
    }

    public static Transition to(LeadNurture state, List<NurtureEffect> effects) {
        return new Transition(Optional.of(state), effects);
    }
}
