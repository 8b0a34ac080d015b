package io.leadpipeline.kafka;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams service does when a stream thread dies: it starts a new one, which resumes from the last
 * committed transaction, so an outage of the broker or the registry never leaves a service alive but idle. Without it
 * Kafka Streams shuts the client down and the service stops processing until someone restarts it. Poison records do
 * not get here: they go to their dead-letter topic. Each service registers it as a CDI bean, which Quarkus sets on its
 * KafkaStreams before start.
 */
public class StreamThreadRecovery implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadRecovery.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        // The type only: an exception's message may quote a record, and logs carry no personal data.
        LOG.warn("A stream thread failed ({} caused by {}); starting a new one, which resumes from the last committed offsets",
                exception.getClass().getSimpleName(), TransientFailures.describe(exception));
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
