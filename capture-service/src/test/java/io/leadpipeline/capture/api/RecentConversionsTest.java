package io.leadpipeline.capture.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.Idempotency;
import io.leadpipeline.capture.domain.RateLimit;
import io.leadpipeline.capture.domain.SpamRules;

/**
 * Proves which conversion id a submission without Idempotency-Key gets: the first one's within the double-click
 * window, a new one after it, and the unconfirmed (503) first attempt's for a retry long after the window.
 */
class RecentConversionsTest {

    private static final Duration WINDOW = Duration.ofMillis(300);
    private final AtomicInteger issued = new AtomicInteger();
    private final RecentConversions recent = new RecentConversions(new CaptureRules(new SpamRules("website", Set.of(), Set.of()),
            new RateLimit(100, Duration.ofSeconds(10)), new RateLimit(100, Duration.ofSeconds(1)),
            new Idempotency(WINDOW, Duration.ofHours(24)), List.of()), null);

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

    private String newId() {
        return "conversion-" + issued.incrementAndGet();
    }
}
