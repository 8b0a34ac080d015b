package io.leadpipeline.nurture.domain;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;

/**
 * A qualification decision as nurture sees it: the stage, why a rejected lead was rejected, what a track can be
 * targeted on, and the lead's latest contact details and consent ({@code contact} null when the decision has none).
 */
public record Decision(String decisionId, LeadStage stage, RejectionReason rejectionReason, Persona persona, Contact contact) {

    public boolean qualifies() {
        return stage == LeadStage.MQL || stage == LeadStage.SQL;
    }
}
