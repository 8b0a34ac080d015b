package io.leadpipeline.kafka;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/** Tells a failure that goes away by itself (a peer unreachable or slow) from one that a retry would only repeat. */
public final class TransientFailures {

    private TransientFailures() {
    }

    /**
     * True when the cause chain holds a network failure (refused, reset, timed out, unknown host), a timeout or an error
     * Kafka itself calls retriable, or the registry closing a connection under a request (Vert.x' HttpClosedException,
     * when it stops mid-fetch: found by the crash run, which had dead-lettered a valid record). Not any IOException: Avro reports truncated garbage as an EOFException, and a poison
     * record taken for transient would be retried for ever.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof SocketTimeoutException || cause instanceof UnknownHostException
                    || cause instanceof HttpTimeoutException || cause instanceof ClosedChannelException
                    || cause instanceof TimeoutException || cause instanceof RetriableException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException
                    || cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's type, for a log line: never the message, which may quote a record. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
