package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

/**
 * A record on a {@code <topic>.dlq}: the source record's bytes could not be processed by {@code service}; the
 * fields come from the {@code dlq.*} headers ({@code null} when a header is missing).
 */
public record DeadLetterFact(String eventId, String leadId, Instant at, String deadLetterTopic, String sourceTopic,
        String reason, String exception, String service, Integer sourcePartition, Long sourceOffset)
        implements PipelineFact {
}
