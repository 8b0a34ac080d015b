package io.leadpipeline.opsconsole.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.opsconsole.domain.CloserCapacity;

/** Proves routing's roster is read from the shape routing-service answers, and leniently from simpler ones. */
class RoutingRosterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldReadCapacityAndDutyFromRoutingsCloserViews() throws Exception {
        List<CloserCapacity> closers = RoutingRoster.parse(json.readTree("""
                [{"id": "closer-ava", "name": "Ava Martin", "capacity": 5, "openHandoffs": 2, "active": true,
                  "onDuty": false, "available": false, "pools": ["default"]}]"""));

        assertEquals(List.of(new CloserCapacity("closer-ava", "Ava Martin", 5, false)), closers);
    }

    @Test
    void shouldReadAWrappedListWithOtherNamesAndSkipEntriesWithoutId() throws Exception {
        List<CloserCapacity> closers = RoutingRoster.parse(json.readTree("""
                {"closers": [{"closerId": "closer-ben", "maxOpenHandoffs": 3, "active": true},
                             {"name": "nobody"},
                             {"id": "closer-chen", "capacity": "lots"}]}"""));

        assertEquals(List.of(new CloserCapacity("closer-ben", null, 3, true),
                new CloserCapacity("closer-chen", null, null, null)), closers);
    }
}
