package io.leadpipeline.kafka;

/** Naming and header conventions for dead-letter topics, the same in every service. */
public final class DeadLetters {

    public static final String SUFFIX = ".dlq";
    public static final String HEADER_REASON = "dlq.reason";
    public static final String HEADER_EXCEPTION = "dlq.exception";
    public static final String HEADER_SOURCE_TOPIC = "dlq.source.topic";
    public static final String HEADER_SOURCE_PARTITION = "dlq.source.partition";
    public static final String HEADER_SOURCE_OFFSET = "dlq.source.offset";
    public static final String HEADER_SERVICE = "dlq.service";

    private DeadLetters() {
    }

    public static String topicFor(String sourceTopic) {
        return sourceTopic + SUFFIX;
    }
}
