package io.leadpipeline.opsconsole.messaging;

import java.time.Instant;

/**
 * How the console's own reading goes: its state ({@code STARTING}, {@code READING}, {@code WAITING_FOR_REGISTRY},
 * {@code RECONNECTING}), partitions assigned, records read, how far behind the topics' ends it is (null while
 * unknown), whether it has caught up with the history, and the last problem it met.
 */
public record ReaderStatus(String state, int assignedPartitions, long recordsRead, Long lag, boolean caughtUp,
        Instant lastPollAt, String lastProblem) {
}
