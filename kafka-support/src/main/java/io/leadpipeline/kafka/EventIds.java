package io.leadpipeline.kafka;

import java.util.UUID;

/**
 * Deterministic event ids: the UUID v5 of what caused the event, so reprocessing the same input yields the same
 * id and consumers can deduplicate on it even outside a Kafka transaction.
 */
public final class EventIds {

    private static final UUID NAMESPACE = UUID.fromString("0f3c8a1e-6d2b-5e47-9a10-3b8f7c2d4e61");

    private EventIds() {
    }

    public static String derive(String kind, String... causes) {
        return LeadIds.nameBasedSha1(NAMESPACE, kind + ":" + String.join("|", causes)).toString();
    }
}
