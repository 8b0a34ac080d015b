package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event in a lead's journey as the page shows it: when, which topic and record, the event type, a one-line
 * summary, the details that matter (in display order) and, for decisions, the scoring reasons.
 */
public record TimelineEntry(Instant at, String topic, int partition, long offset, String eventId, String event,
        String summary, Map<String, String> details, List<ScoreLine> reasons) {

    public TimelineEntry {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        reasons = List.copyOf(reasons);
    }
}
