package io.leadpipeline.capture.messaging;

import java.time.Instant;

import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.kafka.EventIds;

/**
 * An erasure request as the event every service already acts on: an {@code ERASURE_REQUESTED} engagement on
 * lead.engagements, keyed by the lead, with no site and no details (nothing personal travels with it).
 */
public final class ErasureEvents {

    /** The {@code siteId} of an erasure an administrator requested over the API, not a site's server. */
    public static final String REQUESTED_BY_ADMIN = "admin-api";

    private ErasureEvents() {
    }

    public static EngagementTracked requested(String leadId, Instant receivedAt) {
        return EngagementTracked.newBuilder()
                .setEngagementId(EventIds.derive("erasure", leadId, receivedAt.toString()))
                .setLeadId(leadId)
                .setOccurredAt(receivedAt)
                .setReceivedAt(receivedAt)
                .setType(EngagementType.ERASURE_REQUESTED)
                .setSiteId(REQUESTED_BY_ADMIN)
                .setDetail(EngagementDetail.newBuilder().build())
                .build();
    }
}
