package io.leadpipeline.opsconsole.domain;

import static io.leadpipeline.opsconsole.domain.Facts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Proves dead letters are counted per topic with their most frequent reasons first. */
class DeadLetterStatsTest {

    @Test
    void shouldCountPerTopicAndRankTheReasons() {
        DeadLetterStats stats = new DeadLetterStats();
        stats.add(deadLetter("lead.conversions.dlq", "Cannot deserialize: magic byte", 1));
        stats.add(deadLetter("lead.conversions.dlq", "Cannot deserialize: magic byte", 2));
        stats.add(deadLetter("lead.decisions.dlq", "Unknown schema id", 3));
        stats.add(deadLetter("lead.decisions.dlq", null, 4));

        DeadLetterStats.DeadLetterReport report = stats.report();
        assertEquals(4, report.total());
        assertEquals(Map.of("lead.conversions.dlq", 2L, "lead.decisions.dlq", 2L), report.byTopic());
        assertEquals(List.of(new DeadLetterStats.ReasonCount("Cannot deserialize: magic byte", 2),
                new DeadLetterStats.ReasonCount(DeadLetterStats.NO_REASON, 1),
                new DeadLetterStats.ReasonCount("Unknown schema id", 1)), report.topReasons());
        assertEquals(at(4), report.recent().getFirst().at(), "newest first");
    }

    @Test
    void shouldFoldReasonsBeyondTheDistinctLimitIntoOther() {
        DeadLetterStats stats = new DeadLetterStats();
        for (int i = 0; i < DeadLetterStats.MAX_DISTINCT_REASONS + 3; i++) {
            stats.add(deadLetter("lead.conversions.dlq", "reason " + i, i));
        }

        assertEquals(new DeadLetterStats.ReasonCount(DeadLetterStats.OTHER_REASONS, 3),
                stats.report().topReasons().getFirst());
        assertEquals(DeadLetterStats.RECENT, stats.report().recent().size());
    }

    private static DeadLetterFact deadLetter(String topic, String reason, int minute) {
        return new DeadLetterFact(topic + "/0@" + minute, "lead-" + minute, at(minute), topic,
                topic.replace(".dlq", ""), reason, "org.apache.kafka.common.errors.SerializationException",
                "qualification-service", 0, (long) minute);
    }
}
