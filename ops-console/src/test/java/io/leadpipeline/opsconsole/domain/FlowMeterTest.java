package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Proves records per second per topic come from the records' timestamps over the last minute. */
class FlowMeterTest {

    @Test
    void shouldMeasureRecordsPerSecondOverTheLastMinuteByRecordTimestamp() {
        FlowMeter meter = new FlowMeter(List.of("lead.conversions", "lead.decisions"));
        for (int second = 0; second < 120; second++) {
            meter.record("lead.conversions", at(0).plusSeconds(second));
            meter.record("lead.conversions", at(0).plusSeconds(second));
        }
        meter.record("lead.conversions", at(0).minusSeconds(3600));

        FlowMeter.TopicRate conversions = meter.report(at(0).plusSeconds(119)).get(0);
        assertEquals("lead.conversions", conversions.topic());
        assertEquals(2.0, conversions.perSecond(), 0.05);
        assertEquals(241, conversions.total());
        assertEquals(at(0).plusSeconds(119), conversions.lastRecordAt());
        assertEquals(FlowMeter.SERIES_POINTS, conversions.series().size());
        assertEquals(2.0, conversions.series().getLast(), 0.01);
        assertEquals(0.0, conversions.series().getFirst(), "five minutes ago nothing was written");
    }

    @Test
    void shouldListExpectedTopicsBeforeTheirFirstRecordAndNewTopicsWhenSeen() {
        FlowMeter meter = new FlowMeter(List.of("lead.decisions"));
        meter.record("lead.conversions.dlq", at(0));

        List<FlowMeter.TopicRate> report = meter.report(at(0));
        assertEquals(List.of("lead.conversions.dlq", "lead.decisions"),
                report.stream().map(FlowMeter.TopicRate::topic).toList());
        assertEquals(0, report.get(1).total());
        assertNull(report.get(1).lastRecordAt());
    }
}
