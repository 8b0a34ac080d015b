package io.leadpipeline.routing.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.HandoffResponse;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.routing.TestDecisions;

/** Proves what makes each input of the desk unusable, including what the Avro contracts cannot carry over the wire. */
class InputChecksTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void shouldPassAWellFormedRecordOfEachInput() {
        QualificationDecided decision = TestDecisions.decision("vp@acme.example", LeadStage.SQL);

        assertEquals(Optional.empty(), InputChecks.decision(decision.getLeadId(), decision));
        assertEquals(Optional.empty(), InputChecks.response("lead-1", response("cmd-1", "handoff-1", "lead-1")));
        assertEquals(Optional.empty(), InputChecks.availability("ava", new CloserAvailabilityChanged("c1", "ava", true, null, AT)));
    }

    @Test
    void shouldRefuseADecisionWithoutItsIdsKeyOrLead() {
        QualificationDecided decision = TestDecisions.decision("vp@acme.example", LeadStage.SQL);
        String leadId = decision.getLeadId();

        assertEquals(Optional.of("Empty value (tombstone): no decision to route"), InputChecks.decision(leadId, null));
        assertEquals(Optional.of("Record key (15 characters) is not the leadId " + leadId),
                InputChecks.decision("vp@acme.example", decision));
        assertEquals(Optional.of("Record key (none) is not the leadId " + leadId), InputChecks.decision(null, decision));
        decision.setDecisionId("");
        assertEquals(Optional.of("No decisionId: the decision cannot be deduplicated"), InputChecks.decision(leadId, decision));
        decision.setDecisionId("d-1");
        decision.getLead().getContact().setEmail(" ");
        assertEquals(Optional.of("Decision d-1 has no email address: the closer could not reach the lead"),
                InputChecks.decision(leadId, decision));
        decision.getLead().setContact(null);
        assertEquals(Optional.of("Decision d-1 has no lead snapshot: nothing to match rules on or hand off"),
                InputChecks.decision(leadId, decision));
        decision.setLead(null);
        assertEquals(Optional.of("Decision d-1 has no lead snapshot: nothing to match rules on or hand off"),
                InputChecks.decision(leadId, decision));
        decision.setLeadId(" ");
        assertEquals(Optional.of("No leadId"), InputChecks.decision(" ", decision));
    }

    @Test
    void shouldRefuseAnAnswerWithoutItsIdsKeyOrResponse() {
        assertEquals(Optional.of("Empty value (tombstone): no answer to apply"), InputChecks.response("lead-1", null));
        assertEquals(Optional.of("No leadId"), InputChecks.response("lead-1", response("cmd-1", "handoff-1", "")));
        assertEquals(Optional.of("Record key (6 characters) is not the leadId lead-1"),
                InputChecks.response("lead-2", response("cmd-1", "handoff-1", "lead-1")));
        assertEquals(Optional.of("No commandId: the answer cannot be deduplicated or reported back"),
                InputChecks.response("lead-1", response(" ", "handoff-1", "lead-1")));
        assertEquals(Optional.of("Command cmd-1 names no handoffId"), InputChecks.response("lead-1", response("cmd-1", "", "lead-1")));
        HandoffResponseSubmitted noResponse = response("cmd-1", "handoff-1", "lead-1");
        noResponse.setResponse(null);
        assertEquals(Optional.of("Command cmd-1 has no response"), InputChecks.response("lead-1", noResponse));
    }

    @Test
    void shouldRefuseAnAvailabilityChangeNotKeyedByItsCloser() {
        assertEquals(Optional.of("No closerId"), InputChecks.availability("ava", new CloserAvailabilityChanged("c1", "", true, null, AT)));
        assertEquals(Optional.of("Record key (3 characters) is not the closerId ava"),
                InputChecks.availability("ben", new CloserAvailabilityChanged("c1", "ava", true, null, AT)));
    }

    private static HandoffResponseSubmitted response(String commandId, String handoffId, String leadId) {
        return new HandoffResponseSubmitted(commandId, handoffId, leadId, HandoffResponse.ACCEPT, null, null, AT);
    }
}
