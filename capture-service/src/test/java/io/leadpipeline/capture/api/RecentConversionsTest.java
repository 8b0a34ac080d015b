package io.leadpipeline.capture.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.config.CaptureRuleSet;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.Idempotency;
import io.leadpipeline.capture.domain.RateLimit;
import io.leadpipeline.capture.domain.SpamRules;
import io.leadpipeline.service.rules.LiveRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/**
 * Proves which conversion id a submission without Idempotency-Key gets: the first one's within the double-click
 * window, a new one after it, and the unconfirmed (503) first attempt's for a retry long after the window; and that a
 * retry waiting on the first request's answer gets it even when another waiting client went away.
 */
class RecentConversionsTest {

    private static final Duration WINDOW = Duration.ofMillis(300);
    private final AtomicInteger issued = new AtomicInteger();
    private final RecentConversions recent = new RecentConversions(
            LiveRules.fixed(CaptureRuleSet.RULE_SET, rules(WINDOW), "test"), new CaptureMetrics(new SimpleMeterRegistry()));

    private static CaptureRules rules(Duration doubleClickWindow) {
        return new CaptureRules(new SpamRules("website", Set.of(), Set.of()),
                new RateLimit(100, Duration.ofSeconds(10)), new RateLimit(100, Duration.ofSeconds(1)),
                new Idempotency(doubleClickWindow, Duration.ofHours(24)), List.of());
    }

    @Test
    void shouldGiveADoubleClickTheFirstClicksIdAndALaterSubmissionANewOne() throws InterruptedException {
        String first = recent.contentConversionId("example|abc", this::newId);
        assertEquals(first, recent.contentConversionId("example|abc", this::newId), "a double click is one conversion");
        assertNotEquals(first, recent.contentConversionId("example|other", this::newId), "other content is another conversion");

        Thread.sleep(WINDOW.toMillis() * 2);

        assertNotEquals(first, recent.contentConversionId("example|abc", this::newId), "the same form filled again later is new");
    }

    @Test
    void shouldGiveTheRetryOfAnUnconfirmedWriteItsFirstIdLongAfterTheWindow() throws InterruptedException {
        String first = recent.contentConversionId("example|abc", this::newId);
        recent.unconfirmed("example|abc", first); // answered 503: it may or may not have reached the broker

        Thread.sleep(WINDOW.toMillis() * 2);

        assertEquals(first, recent.contentConversionId("example|abc", this::newId),
                "a retry after a broker outage carries the id the first attempt may have been stored under");
    }

    @Test
    void shouldFollowTheDoubleClickWindowOfANewRulesVersionWithoutForgettingWhatItRemembers() throws InterruptedException {
        String first = recent.contentConversionId("example|abc", this::newId);

        recent.follow(rules(Duration.ofMinutes(5))); // a version with a longer window was published
        Thread.sleep(WINDOW.toMillis() * 2);

        assertEquals(first, recent.contentConversionId("example|abc", this::newId),
                "under the new version's window the earlier click is still a double click");
        recent.follow(rules(WINDOW));
        Thread.sleep(WINDOW.toMillis() * 2);
        assertNotEquals(first, recent.contentConversionId("example|abc", this::newId), "and back to the short window");
    }

    private String newId() {
        return "conversion-" + issued.incrementAndGet();
    }

    @Test
    void shouldAnswerEveryWaitingRetryWhenOneOfThemIsCancelled() {
        java.util.concurrent.CompletableFuture<CaptureOutcome> broker = new java.util.concurrent.CompletableFuture<>();
        CaptureOutcome accepted = new CaptureOutcome.Accepted("conversion-1", "lead-1", null);
        UniAssertSubscriber<CaptureOutcome> first = recent.onceForKey("example|key", "abc", () -> Uni.createFrom().completionStage(broker),
                () -> null).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<CaptureOutcome> impatient = recent.onceForKey("example|key", "abc", () -> Uni.createFrom().nothing(),
                () -> null).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<CaptureOutcome> patient = recent.onceForKey("example|key", "abc", () -> Uni.createFrom().nothing(),
                () -> null).subscribe().withSubscriber(UniAssertSubscriber.create());

        impatient.cancel(); // its client hung up while the first write was in flight
        broker.complete(accepted);

        assertEquals(accepted, first.awaitItem().getItem());
        assertEquals(accepted, patient.awaitItem().getItem(), "the other retry still gets the first request's answer");
    }
}
