package io.leadpipeline.routing.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.domain.QueueEntry;
import io.leadpipeline.routing.domain.QueueLanes;

/**
 * Proves the desk's queue in ordered stores: the head of a lane is its oldest live entry whatever was enqueued and
 * dequeued before (the seek starts at the last head seen, so an older entry enqueued after it must still come first),
 * an empty lane answers without a seek, and lanes do not see each other's entries.
 */
class StoreDeskStateTest {

    private static final String LANE = QueueLanes.pool("inbound");
    private static final String OTHER_LANE = QueueLanes.pool("enterprise");
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    private StoreDeskState state;

    @BeforeEach
    void setUp() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        for (String name : new String[] {Stores.ROUTING_CASES, Stores.HANDOFFS,
                Stores.CLOSER_AVAILABILITY, Stores.POOL_ROTATION,
                Stores.ACCOUNT_OWNERS, Stores.ACCOUNT_OWNER_SOURCES, Stores.LEAD_CASES, Stores.WAITING_LEADS,
                Stores.SLA_TIMERS}) {
            add(context, name, Serdes.String()); // the queue's tests touch only the waiting leads and lane sizes
        }
        add(context, Stores.CLOSER_LOAD, Serdes.Integer());
        add(context, Stores.QUEUE_LANE_SIZES, Serdes.Integer());
        add(context, Stores.ERASED_LEADS, Serdes.Long());
        state = new StoreDeskState(context);
    }

    private static <V> void add(MockProcessorContext<Object, Object> context, String name, Serde<V> valueSerde) {
        KeyValueStore<String, V> store = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private static QueueEntry waitingSince(int minutes, String decisionId) {
        return new QueueEntry(T0.plusSeconds(60L * minutes), decisionId);
    }

    @Test
    void shouldAnswerTheOldestLiveEntryAfterTheHeadLeft() {
        QueueEntry first = waitingSince(1, "d-1");
        QueueEntry second = waitingSince(2, "d-2");
        state.enqueue(LANE, first);
        state.enqueue(LANE, second);
        assertEquals(Optional.of(first), state.nextWaiting(LANE, Optional.empty()));

        state.dequeue(LANE, first);

        assertEquals(Optional.of(second), state.nextWaiting(LANE, Optional.empty()));
        assertEquals(1, state.waitingCount(LANE));
    }

    @Test
    void shouldPutAnOlderEntryEnqueuedAfterTheLastHeadInFront() {
        QueueEntry later = waitingSince(5, "d-5");
        state.enqueue(LANE, later);
        assertEquals(Optional.of(later), state.nextWaiting(LANE, Optional.empty()));

        QueueEntry older = waitingSince(1, "d-1"); // an escalated lead keeps its place: it waited longer
        state.enqueue(LANE, older);

        assertEquals(Optional.of(older), state.nextWaiting(LANE, Optional.empty()));
        assertEquals(Optional.of(later), state.nextWaiting(LANE, Optional.of(older)));
        assertEquals(Optional.empty(), state.nextWaiting(LANE, Optional.of(later)));
    }

    @Test
    void shouldKeepLanesApartAndAnswerAnEmptyLaneWithNothing() {
        state.enqueue(OTHER_LANE, waitingSince(1, "d-1"));
        assertEquals(Optional.empty(), state.nextWaiting(LANE, Optional.empty()));

        QueueEntry mine = waitingSince(3, "d-3");
        state.enqueue(LANE, mine);
        state.enqueue(LANE, mine); // the same entry twice is one entry

        assertEquals(Optional.of(mine), state.nextWaiting(LANE, Optional.empty()));
        assertEquals(1, state.waitingCount(LANE));
        state.dequeue(LANE, mine);
        assertEquals(Optional.empty(), state.nextWaiting(LANE, Optional.empty()));
        assertEquals(0, state.waitingCount(LANE));
    }

    @Test
    void shouldRememberAnErasedLeadsErasureTimeOnly() {
        assertEquals(Optional.empty(), state.erasedAt("lead-1"));

        state.putErasedAt("lead-1", T0);

        assertEquals(Optional.of(T0), state.erasedAt("lead-1"));
        assertEquals(Optional.empty(), state.erasedAt("lead-2"));
    }
}
