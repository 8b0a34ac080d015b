package io.leadpipeline.routing.domain;

import java.util.List;

/** A group of closers sharing leads by one strategy. {@code overflowPool} is set exactly when offHours is OVERFLOW. */
public record Pool(String id, PoolStrategy strategy, List<String> members, OffHours offHours, String overflowPool) {

    public Pool {
        members = List.copyOf(members);
    }
}
