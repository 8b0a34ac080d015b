package io.leadpipeline.routing.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.HandoffOutcomeType;

/**
 * What the desk reports for monitoring. Counters may count a record twice when a transaction is retried after a
 * crash (the events themselves are exactly once); the queue gauges are recomputed from the stores.
 */
public interface RoutingMetrics {

    RoutingMetrics NONE = new RoutingMetrics() {
        @Override
        public void handedOff(String pool, AssignmentStrategy strategy, Duration waited) {
        }

        @Override
        public void outcome(String pool, HandoffOutcomeType outcome) {
        }

        @Override
        public void queue(Map<String, Integer> waitingByPool, Optional<Duration> oldestWait) {
        }

        @Override
        public void erased() {
        }
    };

    void handedOff(String pool, AssignmentStrategy strategy, Duration waited);

    void outcome(String pool, HandoffOutcomeType outcome);

    void queue(Map<String, Integer> waitingByPool, Optional<Duration> oldestWait);

    /** An erasure was applied (a redelivered or older one is not counted); no lead id: that is what was erased. */
    void erased();
}
