package io.leadpipeline.routing.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Smooth weighted round robin: each eligible member earns its weight in credit, the richest is picked and pays
 * the total eligible weight. Over any run of leads each member's share stays within one lead of
 * {@code leads × weight / total weight}, and picks interleave instead of coming in bursts. Ineligible members
 * earn nothing while away, so they do not flood back in when they return.
 */
public final class Weighted implements Rotation {

    @Override
    public Pick pick(PoolRotation state, Set<String> eligible, ToIntFunction<String> openHandoffs, ToIntFunction<String> weight) {
        Map<String, Long> credits = new HashMap<>(state.credits());
        long totalWeight = 0;
        String chosen = null;
        for (String member : state.order()) {
            if (!eligible.contains(member)) {
                continue;
            }
            long credit = credits.getOrDefault(member, 0L) + weight.applyAsInt(member);
            credits.put(member, credit);
            totalWeight += weight.applyAsInt(member);
            if (chosen == null || credit > credits.get(chosen)) {
                chosen = member;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("no eligible member in the rotation");
        }
        credits.put(chosen, credits.get(chosen) - totalWeight);
        // Weighted picks keep the configured member order; credits alone decide whose turn it is.
        return new Pick(chosen, state.withCredits(credits));
    }
}
