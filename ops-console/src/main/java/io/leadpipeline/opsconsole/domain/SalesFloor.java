package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each closer's open handoffs (handed off, no outcome yet), SLA breaches (EXPIRED), reassignments, accepts and
 * rejects. An outcome read before its handoff (topics are read independently) still closes it, because closed
 * handoff ids are remembered.
 */
public final class SalesFloor {

    private final RecentlyUsed<String, HandoffFact> open;
    private final RecentlyUsed<String, Boolean> closed;
    private final Map<String, Tally> closers = new TreeMap<>();

    /** At most {@code maxTrackedHandoffs} open handoffs and as many closed handoff ids are remembered. */
    public SalesFloor(int maxTrackedHandoffs) {
        open = new RecentlyUsed<>(maxTrackedHandoffs);
        closed = new RecentlyUsed<>(maxTrackedHandoffs);
    }

    public void handedOff(HandoffFact handoff) {
        Tally tally = tally(handoff.closerId());
        tally.name = handoff.closerName();
        tally.handedOff++;
        if (!closed.contains(handoff.handoffId())) {
            open.put(handoff.handoffId(), handoff);
        }
    }

    public void outcome(OutcomeFact outcome) {
        Tally tally = tally(outcome.closerId());
        switch (outcome.outcome()) {
            case ACCEPTED -> tally.accepted++;
            case REJECTED -> tally.rejected++;
            case EXPIRED -> tally.slaBreaches++;
            case REASSIGNED -> tally.reassigned++;
        }
        open.remove(outcome.handoffId());
        closed.put(outcome.handoffId(), Boolean.TRUE);
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
                    known == null ? null : known.available(), tally.handedOff, tally.accepted, tally.rejected,
                    tally.slaBreaches, tally.reassigned));
        });
        roster.values().forEach(known -> rows.computeIfAbsent(known.closerId(), id -> new CloserLoad(id, known.name(),
                0, 0, known.capacity(), known.available(), 0, 0, 0, 0, 0)));
        List<CloserLoad> board = new ArrayList<>(rows.values());
        board.sort(Comparator.comparing(CloserLoad::closerId));
        return board;
    }

    private Tally tally(String closerId) {
        return closers.computeIfAbsent(closerId, id -> new Tally());
    }

    /**
     * One closer's row: open handoffs and how many of them are past their SLA due time, capacity and availability
     * from routing (null when unknown), and counts of handoffs, accepts, rejects, SLA breaches (EXPIRED outcomes)
     * and reassignments away from this closer.
     */
    public record CloserLoad(String closerId, String name, int open, int overdue, Integer capacity,
            Boolean available, long handedOff, long accepted, long rejected, long slaBreaches, long reassigned) {
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
