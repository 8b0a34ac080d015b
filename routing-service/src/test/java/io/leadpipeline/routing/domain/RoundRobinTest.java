package io.leadpipeline.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Proves order-based rotation hands leads out in turn and wraps around. */
class RoundRobinTest {

    private final Closer ava = new Closer("ava", "Ava", "ava@x.example");
    private final Closer ben = new Closer("ben", "Ben", "ben@x.example");

    @Test
    void shouldGiveEachCloserATurnInOrder() {
        RoundRobin rotation = new RoundRobin(List.of(ava, ben));

        assertEquals(List.of(ava, ben, ava, ben, ava), LongStream.range(0, 5).mapToObj(rotation::closerAt).toList());
    }

    @Test
    void shouldRefuseAnEmptyPool() {
        assertThrows(IllegalArgumentException.class, () -> new RoundRobin(List.of()));
    }
}
