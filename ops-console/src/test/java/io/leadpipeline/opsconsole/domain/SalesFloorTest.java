package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.HandoffOutcomeType;

/** Proves each closer's open load, overdue handoffs, SLA breaches and reassignments, with routing's capacity. */
class SalesFloorTest {

    private final SalesFloor floor = new SalesFloor(1000);

    @Test
    void shouldCountOpenHandoffsUntilTheirOutcome() {
        floor.handedOff(Facts.handoff("l1", "h1", at(0), "d1", "ava", 1));
        floor.handedOff(Facts.handoff("l2", "h2", at(1), "d2", "ava", 1));
        floor.handedOff(Facts.handoff("l3", "h3", at(2), "d3", "ben", 1));
        floor.outcome(Facts.outcome("l1", "o1", at(5), "h1", "ava", HandoffOutcomeType.ACCEPTED));
        floor.outcome(Facts.outcome("l3", "o3", at(6), "h3", "ben", HandoffOutcomeType.REJECTED));

        assertEquals(List.of(
                new SalesFloor.CloserLoad("ava", "Closer ava", 1, 0, null, null, 2, 1, 0, 0, 0),
                new SalesFloor.CloserLoad("ben", "Closer ben", 0, 0, null, null, 1, 0, 1, 0, 0)),
                floor.board(Map.of(), at(10)));
    }

    @Test
    void shouldShowSlaBreachesReassignmentsAndOverdueHandoffs() {
        floor.handedOff(Facts.handoff("l1", "h1", at(0), "d1", "ava", 1));
        floor.outcome(Facts.outcome("l1", "o1", at(240), "h1", "ava", HandoffOutcomeType.EXPIRED));
        floor.outcome(Facts.outcome("l1", "o2", at(240), "h1", "ava", HandoffOutcomeType.REASSIGNED));
        floor.handedOff(Facts.reassignment("l1", "h2", at(240), "d1", "ben", 2, "h1"));
        floor.handedOff(Facts.handoff("l2", "h3", at(250), "d2", "ben", 1));

        var board = floor.board(Map.of(), at(250).plus(Duration.ofHours(4)).plusSeconds(1));
        assertEquals(new SalesFloor.CloserLoad("ava", "Closer ava", 0, 0, null, null, 1, 0, 0, 1, 1), board.get(0));
        assertEquals(new SalesFloor.CloserLoad("ben", "Closer ben", 2, 2, null, null, 2, 0, 0, 0, 0), board.get(1),
                "both of ben's handoffs are past their 4 h SLA and still open");
    }

    @Test
    void shouldCountAReassignmentOnceWhetherRoutingSaysItWithAnOutcomeOrANewHandoff() {
        floor.handedOff(Facts.handoff("l1", "h1", at(0), "d1", "ava", 1));
        floor.outcome(Facts.outcome("l1", "o1", at(240), "h1", "ava", HandoffOutcomeType.EXPIRED));
        floor.outcome(Facts.outcome("l1", "o2", at(240), "h1", "ava", HandoffOutcomeType.REASSIGNED));
        floor.handedOff(Facts.reassignment("l1", "h2", at(240), "d1", "ben", 2, "h1"));
        floor.handedOff(Facts.handoff("l2", "h3", at(0), "d2", "ava", 1));
        floor.handedOff(Facts.reassignment("l2", "h4", at(240), "d2", "chen", 2, "h3"));

        var board = floor.board(Map.of(), at(241));
        assertEquals(new SalesFloor.CloserLoad("ava", "Closer ava", 0, 0, null, null, 2, 0, 0, 1, 2), board.get(0),
                "h3 was replaced without an outcome: no longer open, reassigned");
        assertEquals(1, board.get(1).open());
        assertEquals(1, board.get(2).open());
    }

    @Test
    void shouldCountAReassignmentReadBeforeTheHandoffItReplaces() {
        floor.handedOff(Facts.reassignment("l1", "h2", at(240), "d1", "ben", 2, "h1"));
        floor.handedOff(Facts.handoff("l1", "h1", at(0), "d1", "ava", 1));

        var ava = floor.board(Map.of(), at(241)).getFirst();
        assertEquals(0, ava.open());
        assertEquals(1, ava.reassigned());
    }

    @Test
    void shouldCloseAHandoffWhoseOutcomeWasReadFirst() {
        floor.outcome(Facts.outcome("l1", "o1", at(5), "h1", "ava", HandoffOutcomeType.ACCEPTED));
        floor.handedOff(Facts.handoff("l1", "h1", at(0), "d1", "ava", 1));

        assertEquals(0, floor.board(Map.of(), at(10)).getFirst().open());
    }

    @Test
    void shouldShowCapacityFromRoutingAndListRosterClosersWithoutHandoffs() {
        floor.handedOff(Facts.handoff("l1", "h1", at(0), "d1", "ava", 1));

        var board = floor.board(Map.of(
                "ava", new CloserCapacity("ava", "Ava Martin", 5, true),
                "chen", new CloserCapacity("chen", "Chen Li", 3, false)), at(1));
        assertEquals(List.of(
                new SalesFloor.CloserLoad("ava", "Ava Martin", 1, 0, 5, true, 1, 0, 0, 0, 0),
                new SalesFloor.CloserLoad("chen", "Chen Li", 0, 0, 3, false, 0, 0, 0, 0, 0)), board);
    }
}
