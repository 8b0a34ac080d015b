package io.leadpipeline.routing.domain;

import java.util.List;

/** Order-based rotation: each lead goes to the closer after the previous one, wrapping around. */
public final class RoundRobin {

    private final List<Closer> closers;

    public RoundRobin(List<Closer> closers) {
        if (closers.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one closer");
        }
        this.closers = List.copyOf(closers);
    }

    /** The closer whose turn it is, given how many leads the pool has already handed out. */
    public Closer closerAt(long handedOutSoFar) {
        return closers.get((int) Math.floorMod(handedOutSoFar, (long) closers.size()));
    }
}
