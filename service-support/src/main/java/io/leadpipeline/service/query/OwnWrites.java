package io.leadpipeline.service.query;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Waiting, without holding a thread, until this instance's own write shows in its state store (a command the service
 * published and its Kafka Streams task applies): a Mutiny poll, re-run on Mutiny's scheduler between looks, first soon
 * and then less often, so hundreds of requests waiting behind a busy task do not take the task's CPU with their reads.
 */
public final class OwnWrites {

    /** The first gap between two looks: short next to a Kafka Streams commit (100 ms), cheap next to a store read. */
    static final Duration FIRST_GAP = Duration.ofMillis(25);
    /** The gaps double up to this (with jitter): a write that takes seconds is seen at most this late. */
    static final Duration LONGEST_GAP = Duration.ofMillis(200);

    private OwnWrites() {
    }

    /**
     * Looks with {@code probe} at once and then after gaps growing from {@link #FIRST_GAP} to {@link #LONGEST_GAP} until
     * it sees something, and answers with what it saw; with {@code whenTimedOut} once {@code timeout} has passed. A probe
     * that knows it never will see the write here (the store moved to another instance) answers with that instead of
     * empty. A probe that throws fails the wait with its exception.
     */
    public static <T> Uni<T> awaitVisible(Supplier<Optional<T>> probe, Duration timeout, Supplier<T> whenTimedOut) {
        return Uni.createFrom().item(probe::get)
                .onItem().transform(seen -> seen.orElseThrow(NotVisibleYet::new))
                .onFailure(NotVisibleYet.class).retry().withBackOff(FIRST_GAP, LONGEST_GAP).indefinitely()
                .ifNoItem().after(timeout).recoverWithItem(whenTimedOut::get);
    }

    /** "Look again later": thrown once per look, so it carries no stack trace. */
    private static final class NotVisibleYet extends RuntimeException {
        NotVisibleYet() {
            super("not visible yet", null, false, false);
        }
    }
}
