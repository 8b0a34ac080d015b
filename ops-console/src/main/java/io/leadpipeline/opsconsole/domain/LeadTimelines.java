package io.leadpipeline.opsconsole.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.leadpipeline.events.LeadStage;

/**
 * The timelines of the {@code maxLeads} leads with the most recent activity, at most {@code maxEventsPerLead}
 * events each (the oldest by event time go first). An event already in a timeline (same event id) is not added
 * twice.
 */
public final class LeadTimelines {

    private static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::topic).thenComparingLong(TimelineEntry::offset);

    private final int maxEventsPerLead;
    private final RecentlyUsed<String, Timeline> timelines;

    public LeadTimelines(int maxLeads, int maxEventsPerLead) {
        if (maxEventsPerLead < 1) {
            throw new IllegalArgumentException("maxEventsPerLead must be at least 1");
        }
        this.maxEventsPerLead = maxEventsPerLead;
        this.timelines = new RecentlyUsed<>(maxLeads);
    }

    public void add(String leadId, TimelineEntry entry) {
        Timeline timeline = timelines.get(leadId);
        if (timeline == null) {
            timeline = new Timeline();
        }
        if (timeline.events.stream().noneMatch(known -> known.eventId().equals(entry.eventId())
                && known.event().equals(entry.event()))) {
            timeline.events.add(entry);
            timeline.events.sort(CHRONOLOGICAL);
            while (timeline.events.size() > maxEventsPerLead) {
                timeline.events.removeFirst();
                timeline.truncated = true;
            }
        }
        timelines.put(leadId, timeline);
    }

    /** The lead's timeline goes (the lead was erased). */
    public void forget(String leadId) {
        timelines.remove(leadId);
    }

    public Optional<LeadJourney> journey(String leadId) {
        Timeline timeline = timelines.get(leadId);
        if (timeline == null) {
            return Optional.empty();
        }
        LeadStage stage = null;
        for (TimelineEntry entry : timeline.events) {
            String decided = entry.event().equals("QualificationDecided") ? entry.details().get("stage") : null;
            if (decided != null) {
                stage = LeadStage.valueOf(decided);
            }
        }
        return Optional.of(new LeadJourney(leadId, stage, List.copyOf(timeline.events), timeline.truncated));
    }

    public int size() {
        return timelines.size();
    }

    private static final class Timeline {
        private final List<TimelineEntry> events = new ArrayList<>();
        private boolean truncated;
    }
}
