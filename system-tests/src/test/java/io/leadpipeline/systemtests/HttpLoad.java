package io.leadpipeline.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The benchmark's HTTP load generator, on Vert.x's non-blocking client (a wrk in the harness, so no system package is
 * needed): keep-alive connections spread over a few event loops, driven either closed-loop (every connection sends its
 * next request as soon as the previous answer is in: the most a server takes) or open-loop at a fixed rate (requests
 * are sent on schedule whatever the answers do, as website visitors would). Reports every answer to a listener.
 */
final class HttpLoad implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The status reported for a request that got no HTTP answer (refused, reset or timed out). */
    static final int NO_ANSWER = -1;

    /** One request: method, absolute URL, headers and body (null for none). */
    record Request(HttpMethod method, String url, Map<String, String> headers, String body) {
    }

    /** Builds the n-th request of a run (n from 0). */
    @FunctionalInterface
    interface Requests {
        Request request(long n);
    }

    /** Told of every answer: the request's number, its status ({@link #NO_ANSWER} if none), when it was sent and answered (nanoTime). */
    @FunctionalInterface
    interface Listener {
        void answered(long n, int status, long sentNanos, long answeredNanos);
    }

    /** What a run did: requests sent, answers by status, and how long it took. */
    record Result(long sent, Map<String, Long> byStatus, Duration elapsed) {

        long count(int status) {
            return byStatus.getOrDefault(Integer.toString(status), 0L);
        }
    }

    private final Vertx vertx;
    private final int eventLoops;

    /** @param eventLoops the load generator's threads (wrk's -t) */
    HttpLoad(int eventLoops) {
        this.eventLoops = eventLoops;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1));
    }

    /** One client per event loop, so each loop's connections stay on its thread. */
    private record Lane(Context context, HttpClient client) {
    }

    private List<Lane> lanes(int connections) {
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < eventLoops; i++) {
            Context context = vertx.getOrCreateContext();
            int poolSize = Math.max(1, connections / eventLoops + (i < connections % eventLoops ? 1 : 0));
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(poolSize).setMaxWaitQueueSize(-1));
            lanes.add(new Lane(context, client));
        }
        return lanes;
    }

    /** Every one of {@code connections} sends its next request as soon as it has an answer, for {@code duration}. */
    Result closedLoop(Requests requests, int connections, Duration duration, Listener listener) throws InterruptedException {
        List<Lane> lanes = lanes(connections);
        Counts counts = new Counts();
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int user = 0; user < connections; user++) {
            Lane lane = lanes.get(user % lanes.size());
            lane.context().runOnContext(ignored -> loop(lane, requests, next, end, counts, listener, done));
        }
        done.await(duration.plus(REQUEST_TIMEOUT).plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        close(lanes);
        return counts.result(next.get(), started);
    }

    private void loop(Lane lane, Requests requests, AtomicLong next, long end, Counts counts, Listener listener, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long n = next.getAndIncrement();
        send(lane, requests.request(n), n, counts, listener, () -> loop(lane, requests, next, end, counts, listener, done));
    }

    /**
     * Sends {@code count} requests at {@code perSecond}, on schedule (a slow answer delays no later request; at most
     * {@code connections} are on the wire, the rest wait in the client), and returns once every one is answered.
     */
    Result fixedRate(Requests requests, int connections, double perSecond, long count, Listener listener) throws InterruptedException {
        List<Lane> lanes = lanes(connections);
        Counts counts = new Counts();
        CountDownLatch done = new CountDownLatch((int) count);
        long interval = (long) (1e9 / perSecond);
        long started = System.nanoTime();
        for (long n = 0; n < count; n++) {
            long due = started + n * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long number = n;
            Lane lane = lanes.get((int) (n % lanes.size()));
            lane.context().runOnContext(ignored -> send(lane, requests.request(number), number, counts, listener, done::countDown));
        }
        done.await(REQUEST_TIMEOUT.plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        close(lanes);
        return counts.result(count, started);
    }

    private static void send(Lane lane, Request request, long n, Counts counts, Listener listener, Runnable then) {
        long sent = System.nanoTime();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setAbsoluteURI(request.url())
                .setIdleTimeout(REQUEST_TIMEOUT.toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(headers::add);
        options.setHeaders(headers);
        lane.client().request(options)
                .compose(outgoing -> (request.body() == null ? outgoing.send() : outgoing.send(Buffer.buffer(request.body())))
                        .compose(response -> response.end().map(ignored -> response.statusCode())))
                .onComplete(answer -> {
                    int status = answer.succeeded() ? answer.result() : NO_ANSWER;
                    counts.add(status);
                    try {
                        listener.answered(n, status, sent, System.nanoTime());
                    } finally {
                        then.run();
                    }
                });
    }

    private static void close(List<Lane> lanes) {
        lanes.forEach(lane -> lane.client().close());
    }

    /** Answers by status, counted from the event loops. */
    private static final class Counts {
        private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

        void add(int status) {
            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        Result result(long sent, long startedNanos) {
            Map<String, Long> statuses = new TreeMap<>();
            byStatus.forEach((status, adder) -> statuses.put(status == NO_ANSWER ? "no answer" : Integer.toString(status), adder.sum()));
            return new Result(sent, statuses, Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
