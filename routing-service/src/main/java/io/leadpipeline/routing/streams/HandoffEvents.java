package io.leadpipeline.routing.streams;

import io.leadpipeline.events.CloserRef;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.routing.domain.CloserProfile;
import io.leadpipeline.routing.domain.DeskEvent;
import io.leadpipeline.routing.domain.Handoff;

/** The desk's events as the public contracts (LeadHandedOff, HandoffOutcomeRecorded). */
final class HandoffEvents {

    private HandoffEvents() {
    }

    /** @param rulesVersion the version of the routing rules the closer was chosen under */
    static LeadHandedOff handedOff(Handoff handoff, CloserProfile closer, QualificationDecided decision, String rulesVersion) {
        return LeadHandedOff.newBuilder()
                .setHandoffId(handoff.handoffId())
                .setLeadId(handoff.leadId())
                .setDecisionId(handoff.decisionId())
                .setCloser(new CloserRef(closer.id(), closer.name(), closer.email()))
                .setPool(handoff.pool())
                .setMatchedRule(handoff.ruleId())
                .setStrategy(handoff.strategy())
                .setAttempt(handoff.attempt())
                .setHandedOffAt(handoff.handedOffAt())
                .setSlaDueAt(handoff.slaDueAt())
                .setLead(decision.getLead())
                .setPreviousHandoffId(handoff.previousHandoffId())
                .setEscalated(handoff.escalated())
                .setRulesVersion(rulesVersion)
                .build();
    }

    /** @param lead the lead snapshot, set on REJECTED so nurture can recycle the lead without a lookup */
    static HandoffOutcomeRecorded outcome(DeskEvent.OutcomeRecorded recorded, LeadSnapshot lead) {
        Handoff handoff = recorded.handoff();
        return HandoffOutcomeRecorded.newBuilder()
                .setOutcomeId(EventIds.derive("handoff-outcome", handoff.handoffId(), recorded.outcome().name()))
                .setHandoffId(handoff.handoffId())
                .setLeadId(handoff.leadId())
                .setCloserId(handoff.closerId())
                .setOutcome(recorded.outcome())
                .setReasonCode(recorded.outcome() == HandoffOutcomeType.REJECTED ? handoff.rejectionReason() : null)
                .setNote(handoff.note())
                .setOccurredAt(recorded.at())
                .setAttempt(handoff.attempt())
                .setLead(recorded.outcome() == HandoffOutcomeType.REJECTED ? lead : null)
                .build();
    }
}
