package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Proves the funnel counts each lead once per step in the window its milestone falls in, with step rates. */
class FunnelCounterTest {

    private final FunnelCounter counter = new FunnelCounter();

    @Test
    void shouldCountMilestonesInsideTheWindowOnly() {
        counter.update(Map.of(), milestones(FunnelStep.CAPTURED, at(0), FunnelStep.MQL, at(1)));
        counter.update(Map.of(), milestones(FunnelStep.CAPTURED, at(100)));
        counter.update(Map.of(), milestones(FunnelStep.CAPTURED, at(110), FunnelStep.MQL, at(111),
                FunnelStep.SQL, at(111)));

        FunnelReport lastHour = counter.report(Window.LAST_HOUR, at(120));
        assertEquals(2, lastHour.count(FunnelStep.CAPTURED));
        assertEquals(1, lastHour.count(FunnelStep.MQL));
        assertEquals(1, lastHour.count(FunnelStep.SQL));

        FunnelReport all = counter.report(Window.ALL, at(120));
        assertEquals(3, all.count(FunnelStep.CAPTURED));
        assertEquals(2, all.count(FunnelStep.MQL));
        assertNull(all.from());
    }

    @Test
    void shouldGiveEachStepItsRateAgainstTheStepItFollows() {
        for (int lead = 0; lead < 4; lead++) {
            counter.update(Map.of(), milestones(FunnelStep.CAPTURED, at(lead), FunnelStep.MQL, at(lead)));
        }
        counter.update(Map.of(), milestones(FunnelStep.CAPTURED, at(5), FunnelStep.MQL, at(5),
                FunnelStep.SQL, at(6)));

        FunnelReport report = counter.report(Window.LAST_DAY, at(10));
        FunnelReport.Stage mql = stage(report, FunnelStep.MQL);
        FunnelReport.Stage sql = stage(report, FunnelStep.SQL);
        FunnelReport.Stage handedOff = stage(report, FunnelStep.HANDED_OFF);
        assertEquals(1.0, mql.rate());
        assertEquals(0.2, sql.rate(), 1e-9);
        assertEquals(0.0, handedOff.rate());
        assertNull(stage(report, FunnelStep.ACCEPTED).rate(), "no handoffs: the accepted rate is undefined");
        assertNull(stage(report, FunnelStep.CAPTURED).rate(), "the top of the funnel has no rate");
    }

    @Test
    void shouldMoveACountWhenAnEarlierMilestoneIsReadLate() {
        Map<FunnelStep, Instant> late = milestones(FunnelStep.CAPTURED, at(200));
        counter.update(Map.of(), late);
        counter.update(late, milestones(FunnelStep.CAPTURED, at(0)));

        assertEquals(0, counter.report(Window.LAST_HOUR, at(210)).count(FunnelStep.CAPTURED));
        assertEquals(1, counter.report(Window.LAST_DAY, at(210)).count(FunnelStep.CAPTURED));
        assertEquals(1, counter.report(Window.ALL, at(210)).count(FunnelStep.CAPTURED));
    }

    @Test
    void shouldKeepAllTimeTotalsAfterTheWeekOfMinutesIsDropped() {
        counter.update(Map.of(), milestones(FunnelStep.CAPTURED, at(0)));

        Instant twoWeeksLater = at(0).plus(Window.RETENTION).plus(Window.RETENTION);
        assertEquals(0, counter.report(Window.LAST_WEEK, twoWeeksLater).count(FunnelStep.CAPTURED));
        assertEquals(1, counter.report(Window.ALL, twoWeeksLater).count(FunnelStep.CAPTURED));
    }

    private static FunnelReport.Stage stage(FunnelReport report, FunnelStep step) {
        return report.steps().stream().filter(stage -> stage.step() == step).findFirst().orElseThrow();
    }

    private static Map<FunnelStep, Instant> milestones(Object... stepsAndTimes) {
        Map<FunnelStep, Instant> result = new EnumMap<>(FunnelStep.class);
        for (int i = 0; i < stepsAndTimes.length; i += 2) {
            result.put((FunnelStep) stepsAndTimes[i], (Instant) stepsAndTimes[i + 1]);
        }
        return result;
    }
}
