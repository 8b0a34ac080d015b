package io.leadpipeline.service.query;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Waiting, without holding a thread, until this instance's own write shows in its state store (a command the service
 * published and its Kafka Streams task applies): a Mutiny poll, re-run on Mutiny's scheduler between looks.
 */
public final class OwnWrites {

    /** Between two looks at the store: short next to a Kafka Streams commit (100 ms), cheap next to a store read. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private OwnWrites() {
    }

    /**
     * Looks with {@code probe} at once and then every {@link #POLL_INTERVAL} until it sees something, and answers with
     * what it saw; with {@code whenTimedOut} once {@code timeout} has passed. A probe that knows it never will see the
     * write here (the store moved to another instance) answers with that instead of empty. A probe that throws fails
     * the wait with its exception.
     */
    public static <T> Uni<T> awaitVisible(Supplier<Optional<T>> probe, Duration timeout, Supplier<T> whenTimedOut) {
        return Uni.createFrom().item(probe::get)
                .repeat().withDelay(POLL_INTERVAL).whilst(Optional::isEmpty)
                .select().where(Optional::isPresent)
                .map(Optional::get)
                .toUni()
                .ifNoItem().after(timeout).recoverWithItem(whenTimedOut::get);
    }
}
