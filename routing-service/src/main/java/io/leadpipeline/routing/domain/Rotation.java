package io.leadpipeline.routing.domain;

import java.util.Set;
import java.util.function.ToIntFunction;

/** A pool strategy: picks one of the eligible members and says how the rotation moves on. */
public sealed interface Rotation permits RoundRobin, LoadBalanced, Weighted {

    /** The pick and the rotation after it. */
    record Pick(String closerId, PoolRotation next) {
    }

    /**
     * @param state         the pool's rotation, reconciled with its members
     * @param eligible      the members that may take this lead (never empty)
     * @param openHandoffs  each member's open handoffs
     * @param weight        each member's configured weight
     */
    Pick pick(PoolRotation state, Set<String> eligible, ToIntFunction<String> openHandoffs, ToIntFunction<String> weight);

    static Rotation of(PoolStrategy strategy) {
        return switch (strategy) {
            case ROUND_ROBIN -> new RoundRobin();
            case LOAD_BALANCED -> new LoadBalanced();
            case WEIGHTED -> new Weighted();
        };
    }
}
