package io.leadpipeline.routing.api;

import java.time.Instant;

import io.leadpipeline.routing.domain.CloserProfile;
import io.leadpipeline.routing.domain.Handoff;

/** A handoff as GET /v1/handoffs/{id} and the accept / reject endpoints show it. */
public record HandoffView(String handoffId, String leadId, String decisionId, CloserRefView closer, String pool, String matchedRule,
        String strategy, int attempt, boolean escalated, String previousHandoffId, String status, Instant handedOffAt, Instant slaDueAt,
        Instant closedAt, String rejectionReason, String note) {

    public record CloserRefView(String id, String name, String email) {
    }

    static HandoffView of(Handoff handoff, CloserProfile closer) {
        CloserRefView ref = closer == null ? new CloserRefView(handoff.closerId(), null, null)
                : new CloserRefView(closer.id(), closer.name(), closer.email());
        return new HandoffView(handoff.handoffId(), handoff.leadId(), handoff.decisionId(), ref, handoff.pool(), handoff.ruleId(),
                handoff.strategy().name(), handoff.attempt(), handoff.escalated(), handoff.previousHandoffId(), handoff.status().name(),
                handoff.handedOffAt(), handoff.slaDueAt(), handoff.closedAt(),
                handoff.rejectionReason() == null ? null : handoff.rejectionReason().name(), handoff.note());
    }
}
