package io.leadpipeline.routing.domain;

import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Order-based rotation: the first eligible member in turn order gets the lead and moves to the back. A member who
 * is skipped (out of office, full, off shift) stays at the front, so they get the next lead once eligible again.
 */
public final class RoundRobin implements Rotation {

    @Override
    public Pick pick(PoolRotation state, Set<String> eligible, ToIntFunction<String> openHandoffs, ToIntFunction<String> weight) {
        String chosen = state.order().stream().filter(eligible::contains).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no eligible member in the rotation"));
        return new Pick(chosen, state.assigned(chosen));
    }
}
