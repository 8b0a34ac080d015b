package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each closer's open handoffs (handed off, no outcome yet, not replaced), SLA breaches (EXPIRED outcomes),
 * reassignments away from them, accepts and rejects. A handoff counts as reassigned once, whether routing says so
 * with a REASSIGNED outcome or with a new handoff naming it as {@code previousHandoffId}. Topics are read
 * independently, so either may come first: closed and replaced handoff ids are remembered.
 */
public final class SalesFloor {

    private final RecentlyUsed<String, HandoffFact> open;
    private final RecentlyUsed<String, Boolean> closed;
    private final RecentlyUsed<String, String> closerOfHandoff;
    /** Replaced handoff id → whether its closer's reassignment count has been raised yet. */
    private final RecentlyUsed<String, Boolean> replaced;
    private final Map<String, Tally> closers = new TreeMap<>();

    /** At most {@code maxTrackedHandoffs} open handoffs and as many closed handoff ids are remembered. */
    public SalesFloor(int maxTrackedHandoffs) {
        open = new RecentlyUsed<>(maxTrackedHandoffs);
        closed = new RecentlyUsed<>(maxTrackedHandoffs);
        closerOfHandoff = new RecentlyUsed<>(maxTrackedHandoffs);
        replaced = new RecentlyUsed<>(maxTrackedHandoffs);
    }

    public void handedOff(HandoffFact handoff) {
        Tally tally = tally(handoff.closerId());
        tally.name = handoff.closerName();
        tally.handedOff++;
        closerOfHandoff.put(handoff.handoffId(), handoff.closerId());
        if (!closed.contains(handoff.handoffId())) {
            open.put(handoff.handoffId(), handoff);
        }
        if (Boolean.FALSE.equals(replaced.get(handoff.handoffId()))) {
            countReassignment(handoff.handoffId());
        }
        if (handoff.previousHandoffId() != null) {
            replace(handoff.previousHandoffId());
        }
    }

    public void outcome(OutcomeFact outcome) {
        Tally tally = tally(outcome.closerId());
        switch (outcome.outcome()) {
            case ACCEPTED -> tally.accepted++;
            case REJECTED -> tally.rejected++;
            case EXPIRED -> tally.slaBreaches++;
            case REASSIGNED -> replace(outcome.handoffId());
        }
        close(outcome.handoffId());
    }

    private void replace(String handoffId) {
        close(handoffId);
        if (replaced.contains(handoffId)) {
            return;
        }
        replaced.put(handoffId, Boolean.FALSE);
        if (closerOfHandoff.contains(handoffId)) {
            countReassignment(handoffId);
        }
    }

    private void countReassignment(String handoffId) {
        tally(closerOfHandoff.get(handoffId)).reassigned++;
        replaced.put(handoffId, Boolean.TRUE);
    }

    private void close(String handoffId) {
        open.remove(handoffId);
        closed.put(handoffId, Boolean.TRUE);
    }

    /** The board at {@code now}, merged with routing's roster (capacity) when it answered; closers sorted by id. */
    public List<CloserLoad> board(Map<String, CloserCapacity> roster, Instant now) {
        Map<String, int[]> openAndOverdue = new HashMap<>();
        for (var entry : open.entries()) {
            HandoffFact handoff = entry.getValue();
            int[] counts = openAndOverdue.computeIfAbsent(handoff.closerId(), id -> new int[2]);
            counts[0]++;
            if (handoff.slaDueAt() != null && handoff.slaDueAt().isBefore(now)) {
                counts[1]++;
            }
        }
        Map<String, CloserLoad> rows = new TreeMap<>();
        closers.forEach((id, tally) -> {
            int[] counts = openAndOverdue.getOrDefault(id, new int[2]);
            CloserCapacity known = roster.get(id);
            rows.put(id, new CloserLoad(id, known != null && known.name() != null ? known.name() : tally.name,
                    counts[0], counts[1], known == null ? null : known.capacity(),
                    known == null ? null : known.onDuty(), tally.handedOff, tally.accepted, tally.rejected,
                    tally.slaBreaches, tally.reassigned));
        });
        roster.values().forEach(known -> rows.computeIfAbsent(known.closerId(), id -> new CloserLoad(id, known.name(),
                0, 0, known.capacity(), known.onDuty(), 0, 0, 0, 0, 0)));
        List<CloserLoad> board = new ArrayList<>(rows.values());
        board.sort(Comparator.comparing(CloserLoad::closerId));
        return board;
    }

    private Tally tally(String closerId) {
        return closers.computeIfAbsent(closerId, id -> new Tally());
    }

    /**
     * One closer's row: open handoffs and how many of them are past their SLA due time, capacity and whether on
     * duty from routing (null when unknown), and counts of handoffs, accepts, rejects, SLA breaches (EXPIRED
     * outcomes) and reassignments away from this closer.
     */
    public record CloserLoad(String closerId, String name, int open, int overdue, Integer capacity,
            Boolean onDuty, long handedOff, long accepted, long rejected, long slaBreaches, long reassigned) {
    }

    private static final class Tally {
        private String name;
        private long handedOff;
        private long accepted;
        private long rejected;
        private long slaBreaches;
        private long reassigned;
    }

}
