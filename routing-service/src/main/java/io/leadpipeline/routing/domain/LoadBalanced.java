package io.leadpipeline.routing.domain;

import java.util.Comparator;
import java.util.Set;
import java.util.function.ToIntFunction;

/** Fewest open handoffs wins; among equals, whoever was assigned least recently (earliest in turn order). */
public final class LoadBalanced implements Rotation {

    @Override
    public Pick pick(PoolRotation state, Set<String> eligible, ToIntFunction<String> openHandoffs, ToIntFunction<String> weight) {
        // order().stream() is in turn order and min() keeps the first of equal elements: ties go to the longest-waiting member.
        String chosen = state.order().stream().filter(eligible::contains)
                .min(Comparator.comparingInt(openHandoffs))
                .orElseThrow(() -> new IllegalArgumentException("no eligible member in the rotation"));
        return new Pick(chosen, state.assigned(chosen));
    }
}
