package io.leadpipeline.routing.streams;

import java.time.Instant;

import io.leadpipeline.routing.domain.QueueEntry;

/**
 * How the desk's ordered stores key their entries, so RocksDB's byte order is queue order: {@code lane|time|id} for
 * waiting leads, {@code time|id} for timers, where time is zero-padded epoch millis. Lane and closer ids never hold
 * '|' (routing.yaml refuses them), so every lane is one contiguous key range.
 */
public final class QueueKeys {

    /** The character right after '|': the exclusive end of a lane's range. */
    private static final char AFTER_SEPARATOR = '|' + 1;

    private QueueKeys() {
    }

    public static String timeKey(Instant at, String id) {
        return String.format("%019d|%s", at.toEpochMilli(), id);
    }

    public static Instant timeOf(String timeKey) {
        return Instant.ofEpochMilli(Long.parseLong(timeKey.substring(0, timeKey.indexOf('|'))));
    }

    public static String entryKey(String lane, QueueEntry entry) {
        return lane + '|' + timeKey(entry.since(), entry.decisionId());
    }

    public static QueueEntry entryOf(String entryKey) {
        String timeKey = entryKey.substring(entryKey.indexOf('|') + 1);
        return new QueueEntry(timeOf(timeKey), timeKey.substring(timeKey.indexOf('|') + 1));
    }

    /** The first key of a lane (inclusive). */
    public static String laneStart(String lane) {
        return lane + '|';
    }

    /** The first key after {@code entry} in its lane (inclusive): nothing sorts between a key and the key plus NUL. */
    public static String laneStartAfter(String lane, QueueEntry entry) {
        return entryKey(lane, entry) + '\u0000';
    }

    /** A bound past the lane's last key; no key equals it. */
    public static String laneEnd(String lane) {
        return lane + AFTER_SEPARATOR;
    }

    /** Keys written before lanes existed ({@code time|id}, one queue for all pools) start with a digit; lane keys never do. */
    public static boolean isLegacyQueueKey(String key) {
        return !key.isEmpty() && Character.isDigit(key.charAt(0));
    }
}
