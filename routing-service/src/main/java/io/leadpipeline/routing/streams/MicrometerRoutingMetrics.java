package io.leadpipeline.routing.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.rules.LiveRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Routing metrics on /q/metrics: {@code routing_handoffs_total{pool,strategy}},
 * {@code routing_handoff_outcomes_total{pool,outcome}}, {@code routing_sla_expiries_total{pool}},
 * {@code routing_queue_size{pool}}, {@code routing_queue_oldest_wait_seconds}, {@code routing_erasures_total} (no labels:
 * nothing about the erased lead) and the {@code routing_queue_wait_seconds}
 * timer (how long leads waited before their handoff). Only the instance hosting the routing desk reports non-zero values.
 */
@ApplicationScoped
public class MicrometerRoutingMetrics implements RoutingMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> queueSizes = new ConcurrentHashMap<>();
    private final AtomicLong oldestWaitSeconds = new AtomicLong();
    private final Timer queueWait;
    private final Counter erasures;

    public MicrometerRoutingMetrics(MeterRegistry registry, LiveRules<RoutingRules> rules) {
        this.registry = registry;
        rules.get().pools().keySet().forEach(this::queueGauge); // a pool a later version adds gets its gauge at its first report
        Gauge.builder("routing.queue.oldest.wait.seconds", oldestWaitSeconds, AtomicLong::get)
                .description("How long the longest-waiting lead has waited for a closer").register(registry);
        this.queueWait = Timer.builder("routing.queue.wait").description("How long leads waited before their handoff").register(registry);
        this.erasures = Counter.builder("routing.erasures").description("Lead erasures applied at the routing desk").register(registry);
    }

    @Override
    public void handedOff(String pool, AssignmentStrategy strategy, Duration waited) {
        Counter.builder("routing.handoffs").description("Leads handed to a closer")
                .tags("pool", pool, "strategy", strategy.name()).register(registry).increment();
        queueWait.record(waited);
    }

    @Override
    public void outcome(String pool, HandoffOutcomeType outcome) {
        Counter.builder("routing.handoff.outcomes").description("What became of handoffs")
                .tags("pool", pool, "outcome", outcome.name()).register(registry).increment();
        if (outcome == HandoffOutcomeType.EXPIRED) {
            Counter.builder("routing.sla.expiries").description("Handoffs not answered within the SLA")
                    .tags("pool", pool).register(registry).increment();
        }
    }

    @Override
    public void queue(Map<String, Integer> waitingByPool, Optional<Duration> oldestWait) {
        waitingByPool.forEach((pool, size) -> queueGauge(pool).set(size));
        oldestWaitSeconds.set(oldestWait.map(Duration::toSeconds).orElse(0L));
    }

    @Override
    public void erased() {
        erasures.increment();
    }

    private AtomicInteger queueGauge(String pool) {
        return queueSizes.computeIfAbsent(pool, name -> {
            AtomicInteger size = new AtomicInteger();
            Gauge.builder("routing.queue.size", size, AtomicInteger::get).description("Leads waiting for an eligible closer")
                    .tags("pool", name).register(registry);
            return size;
        });
    }
}
