package io.leadpipeline.nurture.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.nurture.TestDecisions;

/** Proves what makes each nurture input unusable, including what the Avro contracts cannot carry over the wire. */
class InputChecksTest {

    private static final String KEYED_ELSEWHERE = ": the lead's state is kept in the task of its own key";

    private final QualificationDecided decision = TestDecisions.rejected("reader@gmail.com", RejectionReason.NOT_A_FIT, true);
    private final String leadId = decision.getLeadId();

    @Test
    void shouldPassAWellFormedRecordOfEachInput() {
        HandoffOutcomeRecorded accepted = TestDecisions.outcome(decision, HandoffOutcomeType.ACCEPTED);
        accepted.setLead(null);
        EngagementTracked unsubscribe = TestDecisions.engagement(leadId, EngagementType.UNSUBSCRIBED);
        unsubscribe.setEngagementId("");

        assertEquals(Optional.empty(), InputChecks.problem(leadId, decision));
        assertEquals(Optional.empty(), InputChecks.problem(leadId, TestDecisions.outcome(decision, HandoffOutcomeType.REJECTED)));
        assertEquals(Optional.empty(), InputChecks.problem(leadId, accepted), "routing sets the snapshot only on REJECTED");
        assertEquals(Optional.empty(), InputChecks.problem(leadId, unsubscribe), "nurture does not deduplicate engagements");
    }

    @Test
    void shouldRefuseATombstoneAndARecordNotKeyedByItsLead() {
        assertEquals(Optional.of("Empty value (tombstone): nothing to nurture"), InputChecks.problem(leadId, null));
        assertEquals(Optional.of("Record key (16 characters) is not the leadId " + leadId + KEYED_ELSEWHERE),
                InputChecks.problem("reader@gmail.com", decision));
        assertEquals(Optional.of("Record key (none) is not the leadId " + leadId + KEYED_ELSEWHERE),
                InputChecks.problem(null, TestDecisions.outcome(decision, HandoffOutcomeType.REJECTED)));
        assertEquals(Optional.of("No leadId"), InputChecks.problem(leadId, TestDecisions.engagement(" ", EngagementType.UNSUBSCRIBED)));
    }

    @Test
    void shouldRefuseADecisionWithoutItsIdOrTheLeadsAddress() {
        QualificationDecided qualified = TestDecisions.decision("vp@acme.example", LeadStage.SQL);
        String id = qualified.getLeadId();
        qualified.setDecisionId(" ");
        assertEquals(Optional.of("No decisionId: the decision cannot be deduplicated"), InputChecks.problem(id, qualified));
        qualified.setDecisionId("d-1");
        qualified.getLead().getContact().setEmail("");
        assertEquals(Optional.of("Decision d-1 has no email address: touches would have no recipient"), InputChecks.problem(id, qualified));
        qualified.getLead().setContact(null);
        assertEquals(Optional.of("Decision d-1 has a lead snapshot without contact details"), InputChecks.problem(id, qualified));
        qualified.setLead(null);
        assertEquals(Optional.of("Decision d-1 has no lead snapshot"), InputChecks.problem(id, qualified));
    }

    @Test
    void shouldRefuseAnOutcomeWithoutItsIdTypeOrTheLeadsAddress() {
        HandoffOutcomeRecorded outcome = TestDecisions.outcome(decision, HandoffOutcomeType.REJECTED);
        outcome.setOutcomeId("");
        assertEquals(Optional.of("No outcomeId: the outcome cannot be deduplicated"), InputChecks.problem(leadId, outcome));
        outcome.setOutcomeId("o-1");
        outcome.setOutcome(null);
        assertEquals(Optional.of("Outcome o-1 has no outcome type"), InputChecks.problem(leadId, outcome));
        outcome.setOutcome(HandoffOutcomeType.REJECTED);
        outcome.getLead().getContact().setEmail(" ");
        assertEquals(Optional.of("Outcome o-1 has no email address: touches would have no recipient"), InputChecks.problem(leadId, outcome));
    }

    @Test
    void shouldRefuseAnEngagementWithoutAType() {
        EngagementTracked engagement = TestDecisions.engagement(leadId, EngagementType.UNSUBSCRIBED);
        engagement.setEngagementId("e-1");
        engagement.setType(null);

        assertEquals(Optional.of("Engagement e-1 has no type"), InputChecks.problem(leadId, engagement));
    }
}
