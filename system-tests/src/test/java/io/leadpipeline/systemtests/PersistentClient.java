package io.leadpipeline.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP client that behaves like a well-written website backend or closer app: a {@code 503}, a {@code 429} or a
 * dropped connection is retried with the very same request (same Idempotency-Key) after a back-off, until an answer
 * that is not a transient failure arrives or the deadline passes. Counts every attempt by outcome.
 */
final class PersistentClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();
    private final Duration deadline;

    PersistentClient(Duration deadline) {
        this.deadline = deadline;
    }

    /** The final answer; empty when only transient failures came back until the deadline. */
    Optional<HttpResponse<String>> post(String url, String json, Map<String, String> headers) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        long backoff = 100;
        while (System.nanoTime() < giveUpAt) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                count(Integer.toString(response.statusCode()));
                if (response.statusCode() != 503 && response.statusCode() != 429) {
                    return Optional.of(response);
                }
                backoff = retryAfter(response).orElse(backoff);
            } catch (IOException e) {
                count("connection failed");
            }
            Thread.sleep(Math.min(backoff, MAX_BACKOFF_MILLIS));
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
        count("gave up");
        return Optional.empty();
    }

    private static Optional<Long> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value.trim()) * 1000);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private void count(String outcome) {
        attempts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /** Attempts by outcome: HTTP status, "connection failed" or "gave up". */
    Map<String, Long> attempts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        attempts.forEach((outcome, adder) -> counts.put(outcome, adder.sum()));
        return counts;
    }
}
