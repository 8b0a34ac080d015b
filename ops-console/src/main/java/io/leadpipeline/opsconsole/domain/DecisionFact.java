package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.List;

import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;

/** A {@code QualificationDecided}: the lead's stage, its scores and the reasons behind them. */
public record DecisionFact(String eventId, String leadId, Instant at, LeadStage stage, LeadStage previousStage,
        RejectionReason rejectionReason, int fitScore, int engagementScore, int totalScore, Grade grade,
        List<ScoreLine> reasons, String triggeringEventId, int cycle, String rulesVersion) implements PipelineFact {

    public DecisionFact {
        reasons = List.copyOf(reasons);
    }

    /** MQL and SQL both mean marketing qualified; a funnel counts an SQL lead as having passed MQL too. */
    public boolean qualifies() {
        return stage == LeadStage.MQL || stage == LeadStage.SQL;
    }
}
