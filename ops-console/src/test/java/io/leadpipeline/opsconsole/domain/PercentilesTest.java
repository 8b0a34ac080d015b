package io.leadpipeline.opsconsole.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Proves nearest-rank percentiles on known data sets. */
class PercentilesTest {

    @Test
    void shouldReturnNearestRankPercentilesOfOneToHundred() {
        Percentiles percentiles = new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

        assertEquals(50L, percentiles.percentile(50));
        assertEquals(95L, percentiles.percentile(95));
        assertEquals(99L, percentiles.percentile(99));
        assertEquals(100L, percentiles.percentile(100));
        assertEquals(100L, percentiles.max());
    }

    @Test
    void shouldReturnTheHighestValueForHighPercentilesOfASmallSample() {
        Percentiles percentiles = new Percentiles(new long[] {300, 100, 200});

        assertEquals(200L, percentiles.percentile(50));
        assertEquals(300L, percentiles.percentile(95));
        assertEquals(300L, percentiles.percentile(99));
    }

    @Test
    void shouldReturnNothingForNoValuesAndRejectNonsense() {
        assertNull(new Percentiles(new long[0]).percentile(50));
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[] {1}).percentile(0));
    }
}
