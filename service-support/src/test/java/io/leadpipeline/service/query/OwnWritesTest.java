package io.leadpipeline.service.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Proves the wait for an own write answers with what the probe saw, or the timeout answer, without holding the caller's thread. */
class OwnWritesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void shouldAnswerWithWhatTheProbeSawOnceTheWriteIsVisible() {
        AtomicInteger looks = new AtomicInteger();

        String answer = OwnWrites.awaitVisible(() -> looks.incrementAndGet() < 3 ? Optional.<String>empty() : Optional.of("applied"),
                Duration.ofSeconds(5), () -> "timed out").await().atMost(WAIT);

        assertEquals("applied", answer);
        assertEquals(3, looks.get());
    }

    @Test
    void shouldAnswerWithTheTimeoutAnswerWhenTheWriteNeverShows() {
        AtomicInteger looks = new AtomicInteger();
        long started = System.nanoTime();

        String answer = OwnWrites.awaitVisible(() -> {
            looks.incrementAndGet();
            return Optional.<String>empty();
        }, Duration.ofMillis(300), () -> "timed out").await().atMost(WAIT);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals("timed out", answer);
        assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0 && took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
        assertTrue(looks.get() >= 3, "looked again and again: " + looks.get());
        int looksAtTimeout = looks.get();
        sleep(Duration.ofMillis(200));
        assertTrue(looks.get() <= looksAtTimeout + 1, "stopped looking after the timeout");
    }

    @Test
    void shouldLookLessOftenTheLongerTheWriteTakes() {
        AtomicInteger looks = new AtomicInteger();

        OwnWrites.awaitVisible(() -> {
            looks.incrementAndGet();
            return Optional.<String>empty();
        }, Duration.ofSeconds(2), () -> "timed out").await().atMost(WAIT);

        // Every 25 ms would be 80 looks in 2 s; gaps doubling to 200 ms (jitter ±50%) make about 14.
        assertTrue(looks.get() >= 5 && looks.get() <= 30, "looks in 2 s: " + looks.get());
    }

    @Test
    void shouldNotHoldTheCallersThreadBetweenLooks() throws Exception {
        Set<Thread> lookers = ConcurrentHashMap.newKeySet();
        AtomicInteger looks = new AtomicInteger();

        CompletableFuture<String> answer = OwnWrites.awaitVisible(() -> {
            lookers.add(Thread.currentThread());
            return looks.incrementAndGet() < 4 ? Optional.<String>empty() : Optional.of("applied");
        }, Duration.ofSeconds(5), () -> "timed out").subscribeAsCompletionStage();

        assertFalse(answer.isDone(), "the caller got its thread back before the write was visible");
        assertEquals("applied", answer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(lookers.stream().anyMatch(thread -> !thread.equals(Thread.currentThread())), "later looks ran on Mutiny's scheduler");
        assertNotEquals(0, looks.get());
    }

    @Test
    void shouldFailTheWaitWithTheProbesException() {
        CompletableFuture<String> answer = OwnWrites.<String>awaitVisible(() -> {
            throw new IllegalStateException("the store moved");
        }, Duration.ofSeconds(5), () -> "timed out").subscribeAsCompletionStage();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals("the store moved", failure.getCause().getMessage());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
