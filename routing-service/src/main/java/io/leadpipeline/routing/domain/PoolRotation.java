package io.leadpipeline.routing.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool's rotation state: the members in turn order (front = next; the member just assigned moves to the back)
 * and, for WEIGHTED pools, each member's running credit.
 */
public record PoolRotation(List<String> order, Map<String, Long> credits) {

    public PoolRotation {
        order = List.copyOf(order);
        credits = Map.copyOf(credits);
    }

    public static PoolRotation initial(List<String> members) {
        return new PoolRotation(members, Map.of());
    }

    /** Follows a changed member list: departed members leave the order, new ones join at the back. */
    public PoolRotation reconciledWith(List<String> members) {
        List<String> next = new ArrayList<>(order.stream().filter(members::contains).toList());
        members.stream().filter(member -> !next.contains(member)).forEach(next::add);
        Map<String, Long> keptCredits = new HashMap<>(credits);
        keptCredits.keySet().retainAll(members);
        return new PoolRotation(next, keptCredits);
    }

    public PoolRotation assigned(String member) {
        List<String> next = new ArrayList<>(order);
        next.remove(member);
        next.add(member);
        return new PoolRotation(next, credits);
    }

    public PoolRotation withCredits(Map<String, Long> newCredits) {
        return new PoolRotation(order, newCredits);
    }
}
