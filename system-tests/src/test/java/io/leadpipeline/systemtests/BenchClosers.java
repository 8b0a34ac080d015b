package io.leadpipeline.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import io.leadpipeline.devstack.DevStack;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.kafka.RegistryEventSerdes;

/**
 * The closers of a benchmark: they read {@code lead.handoffs} as their app would and, once told to answer, accept every
 * handoff of the benchmark's leads (those before too) through routing's closer API, a bounded number at once, retrying
 * a 503 as the app would. Counts handoffs seen and accepted.
 */
final class BenchClosers implements AutoCloseable {

    private static final String HANDOFFS = "lead.handoffs";
    private static final Duration ANSWER_DEADLINE = Duration.ofMinutes(2);

    private final String routingUrl;
    /** A sales-ops token: the harness answers for every closer at once. */
    private final String authorization;
    private final Predicate<String> ours;
    private final Deserializer<SpecificRecord> avro;
    private final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
    private final Semaphore inFlight;
    private final ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();
    private final PersistentClient app = new PersistentClient(ANSWER_DEADLINE);
    private final LongAdder seen = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final TopicWatch watch;
    private volatile boolean answer;

    /** @param ours which lead ids are the benchmark's: only their handoffs are answered */
    BenchClosers(DevStack stack, String routingUrl, String authorization, Predicate<String> ours, boolean answerAtOnce, int maxInFlight) {
        this.routingUrl = routingUrl;
        this.authorization = authorization;
        this.ours = ours;
        this.answer = answerAtOnce;
        this.inFlight = new Semaphore(maxInFlight);
        this.avro = new RegistryEventSerdes(stack.registryUrl()).anyEventSerde().deserializer();
        this.watch = new TopicWatch(stack.bootstrapServers(), List.of(HANDOFFS), false, this::received);
    }

    private void received(ConsumerRecord<String, byte[]> record, long receivedNanos) {
        if (record.key() == null || !ours.test(record.key())) {
            return;
        }
        seen.increment();
        LeadHandedOff handoff = (LeadHandedOff) avro.deserialize(record.topic(), record.headers(), record.value());
        unanswered.add(handoff.getHandoffId());
        if (answer) {
            drain();
        }
    }

    /** From now on every handoff of ours is accepted, those already seen first. */
    void startAnswering() {
        answer = true;
        drain();
    }

    private void drain() {
        String handoffId;
        while ((handoffId = unanswered.poll()) != null) {
            String id = handoffId;
            answering.submit(() -> {
                inFlight.acquire();
                try {
                    var response = app.post(routingUrl + "/v1/handoffs/" + id + "/accept", "{}", Map.of("Authorization", authorization));
                    if (response.isPresent() && response.get().statusCode() == 200) {
                        accepted.increment();
                    } else {
                        refused.increment();
                    }
                } finally {
                    inFlight.release();
                }
                return null;
            });
        }
    }

    long seen() {
        return seen.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    /** Accepts that did not end in 200 (a handoff no longer open, or no answer within the deadline). */
    long refused() {
        return refused.sum();
    }

    /** Handoffs of ours per second since the closers began reading. */
    List<Long> handoffsPerSecond() {
        return watch.perSecond(HANDOFFS);
    }

    long startNanos() {
        return watch.startNanos();
    }

    @Override
    public void close() {
        watch.close();
        answering.shutdownNow();
        avro.close();
    }
}
