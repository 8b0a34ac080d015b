package io.leadpipeline.capture.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.service.rules.LiveRules;
import io.smallrye.mutiny.Uni;

/**
 * What this instance captured recently, so a retry with the same Idempotency-Key or a double click is answered
 * with the first answer instead of a second write (and waits for it while it is still in flight). Other instances
 * and restarts are covered by deterministic conversion ids; this only saves the duplicate write.
 */
@ApplicationScoped
public class RecentConversions {

    private static final int MAX_REMEMBERED = 500_000;

    /** The first request's content fingerprint and its (eventual) outcome. */
    private record Entry(String fingerprint, CompletableFuture<CaptureOutcome> outcome) {
    }

    private final Cache<String, Entry> byIdempotencyKey;
    private final Cache<String, Entry> byContent;
    private final Cache<String, String> contentIds;
    private final Cache<String, String> unconfirmedContentIds;
    private final CaptureMetrics metrics;

    /** The rules the retention times were last set for; compared by identity, so a new version costs one look, once. */
    private volatile CaptureRules followed;

    public RecentConversions(LiveRules<CaptureRules> rules, CaptureMetrics metrics) {
        CaptureRules current = rules.get();
        this.byIdempotencyKey = cache(current.idempotency().keyRetention());
        this.byContent = cache(current.idempotency().doubleClickWindow());
        this.contentIds = cache(current.idempotency().doubleClickWindow());
        this.unconfirmedContentIds = cache(current.idempotency().keyRetention());
        this.followed = current;
        this.metrics = metrics;
    }

    /**
     * Applies the retention times of {@code rules} (the request's version) from now on; what is remembered stays,
     * and expires by the new times. Called once per request: O(1) unless the version changed.
     */
    public void follow(CaptureRules rules) {
        if (rules != followed) {
            synchronized (this) {
                if (rules != followed) {
                    Duration retention = rules.idempotency().keyRetention();
                    Duration window = rules.idempotency().doubleClickWindow();
                    expireAfter(byIdempotencyKey, retention);
                    expireAfter(unconfirmedContentIds, retention);
                    expireAfter(byContent, window);
                    expireAfter(contentIds, window);
                    followed = rules;
                }
            }
        }
    }

    private static void expireAfter(Cache<String, ?> cache, Duration duration) {
        cache.policy().expireAfterWrite().ifPresent(expiry -> expiry.setExpiresAfter(duration));
    }

    /**
     * The conversion id for a submission without Idempotency-Key: the one given to the first identical submission within
     * the double-click window, even when that one's write failed. A write that timed out may still have reached the
     * broker, so its retry must carry the same id for consumers to drop the copy (found by the crash run).
     */
    public String contentConversionId(String scopedFingerprint, Supplier<String> newId) {
        String unconfirmed = unconfirmedContentIds.getIfPresent(scopedFingerprint);
        return unconfirmed != null ? unconfirmed : contentIds.get(scopedFingerprint, key -> newId.get());
    }

    /**
     * Remembers, for as long as an Idempotency-Key, the id of a write that was answered 503: the client retries it later
     * than the double-click window (a broker outage lasts longer), and the retry must still carry the same id.
     */
    public void unconfirmed(String scopedFingerprint, String conversionId) {
        unconfirmedContentIds.put(scopedFingerprint, conversionId);
    }

    /**
     * The outcome of the first request with this Idempotency-Key, or of {@code write} when there was none.
     * The same key with different content is refused (422): it is a client bug, not a retry.
     */
    public Uni<CaptureOutcome> onceForKey(String scopedKey, String fingerprint, Supplier<Uni<CaptureOutcome>> write,
            Supplier<CaptureOutcome> conflict) {
        return once(byIdempotencyKey, "idempotency_key", scopedKey, fingerprint, write, conflict);
    }

    /** The outcome of an identical submission within the double-click window, or of {@code write} when there was none. */
    public Uni<CaptureOutcome> onceForContent(String scopedFingerprint, Supplier<Uni<CaptureOutcome>> write) {
        return once(byContent, "double_click", scopedFingerprint, scopedFingerprint, write, null);
    }

    private Uni<CaptureOutcome> once(Cache<String, Entry> cache, String kind, String key, String fingerprint,
            Supplier<Uni<CaptureOutcome>> write, Supplier<CaptureOutcome> conflict) {
        Entry mine = new Entry(fingerprint, new CompletableFuture<>());
        Entry earlier = cache.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
                return Uni.createFrom().item(conflict.get());
            }
            metrics.deduplicated(kind);
            // A copy: a waiter whose client goes away cancels its copy, never the outcome other requests share (found by
            // the crash run, where one cancelled retry turned every other waiter's answer into a 500).
            return Uni.createFrom().completionStage(() -> earlier.outcome().copy())
                    .onFailure().recoverWithItem(failure -> new CaptureOutcome.Refused(Refusal.of(Response.Status.SERVICE_UNAVAILABLE,
                            "The same submission is still being stored by an earlier request; retry").withHeader("Retry-After", "1")));
        }
        return write.get()
                .invoke(outcome -> {
                    if (!(outcome instanceof CaptureOutcome.Accepted)) {
                        cache.asMap().remove(key, mine); // a refused or failed write may be retried for real
                    }
                    mine.outcome().complete(outcome);
                })
                .onFailure().invoke(failure -> {
                    cache.asMap().remove(key, mine);
                    mine.outcome().completeExceptionally(failure);
                })
                .onCancellation().invoke(() -> {
                    // The client went away before the ack: forget it, and let anyone waiting retry for real.
                    cache.asMap().remove(key, mine);
                    mine.outcome().completeExceptionally(new IllegalStateException("the first request was cancelled"));
                });
    }

    private static <V> Cache<String, V> cache(Duration retention) {
        return Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(retention).build();
    }
}
