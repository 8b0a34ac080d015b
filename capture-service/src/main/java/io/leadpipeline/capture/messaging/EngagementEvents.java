package io.leadpipeline.capture.messaging;

import java.time.Instant;
import java.util.Optional;

import io.leadpipeline.capture.domain.EngagementNormalizer.NormalizedEngagement;
import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.kafka.EventIds;

/** Turns a validated engagement into the {@code EngagementTracked} contract. */
public final class EngagementEvents {

    static final String KIND = "engagement";

    private EngagementEvents() {
    }

    /**
     * The engagement id is derived, so a reporter's retry is the same engagement: from the Idempotency-Key when
     * given, else from what happened (lead, type, time, details) when the reporter says when it happened.
     */
    public static String engagementId(String siteId, String idempotencyKey, NormalizedEngagement engagement, Instant receivedAt) {
        if (idempotencyKey != null) {
            return EventIds.derive(KIND, siteId, "idempotency-key", idempotencyKey);
        }
        Instant occurredAt = Optional.ofNullable(engagement.occurredAt()).orElse(receivedAt);
        return EventIds.derive(KIND, siteId, engagement.leadId(), engagement.type().name(), occurredAt.toString(),
                String.valueOf(engagement.url()), String.valueOf(engagement.campaign()), String.valueOf(engagement.touchId()),
                String.valueOf(engagement.contentId()));
    }

    public static EngagementTracked tracked(String engagementId, String siteId, NormalizedEngagement engagement, Instant receivedAt) {
        return EngagementTracked.newBuilder()
                .setEngagementId(engagementId)
                .setLeadId(engagement.leadId())
                .setOccurredAt(Optional.ofNullable(engagement.occurredAt()).orElse(receivedAt))
                .setReceivedAt(receivedAt)
                .setType(engagement.type())
                .setSiteId(siteId)
                .setDetail(EngagementDetail.newBuilder()
                        .setUrl(engagement.url())
                        .setCampaign(engagement.campaign())
                        .setTouchId(engagement.touchId())
                        .setContentId(engagement.contentId())
                        .build())
                .build();
    }
}
