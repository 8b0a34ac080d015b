package io.leadpipeline.opsconsole.domain;

import java.time.Instant;

/** Where a fact was read: topic, partition, offset and the record's Kafka timestamp. */
public record RecordOrigin(String topic, int partition, long offset, Instant timestamp) {
}
