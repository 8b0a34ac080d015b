package io.leadpipeline.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dead letter's headers, log line and metric, the same in every service and for both kinds: a record that cannot be
 * read (the deserialization handler) and one that reads but cannot be used (each topology's input checks).
 */
public final class UnusableRecords {

    private static final Logger LOG = LoggerFactory.getLogger(UnusableRecords.class);

    private UnusableRecords() {
    }

    /**
     * The source record's headers plus the reason, what refused it ({@code exception}: an exception's class, or
     * {@link DeadLetterMetrics#VALIDATION}), where it came from and which service wrote the dead letter.
     */
    public static Headers deadLetterHeaders(Headers original, String reason, String exception, String topic,
            int partition, long offset, String service) {
        Headers headers = new RecordHeaders(original.toArray());
        put(headers, DeadLetters.HEADER_REASON, reason);
        put(headers, DeadLetters.HEADER_EXCEPTION, exception);
        put(headers, DeadLetters.HEADER_SOURCE_TOPIC, topic);
        put(headers, DeadLetters.HEADER_SOURCE_PARTITION, Integer.toString(partition));
        put(headers, DeadLetters.HEADER_SOURCE_OFFSET, Long.toString(offset));
        put(headers, DeadLetters.HEADER_SERVICE, service);
        return headers;
    }

    /**
     * Logs (ids and the reason only, which never quote the record) and counts in {@code dlq_writes_total} a dead letter
     * once it is handed to its topic; {@code kind} is {@link DeadLetterMetrics#DESERIALIZATION} or {@link DeadLetterMetrics#VALIDATION}.
     */
    public static void written(String service, String topic, int partition, long offset, String kind, String reason) {
        String deadLetterTopic = DeadLetters.topicFor(topic);
        LOG.warn("Record {}-{}@{} is unusable ({}); copied to {}", topic, partition, offset, reason, deadLetterTopic);
        DeadLetterMetrics.written(service, deadLetterTopic, kind);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
