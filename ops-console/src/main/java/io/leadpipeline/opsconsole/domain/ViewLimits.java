package io.leadpipeline.opsconsole.domain;

/**
 * What bounds the console's memory. {@code trackedLeads}: leads whose funnel milestones and latency chain are
 * remembered; {@code timelineLeads} × {@code eventsPerLead}: the lead journeys kept for search;
 * {@code latencySamples}: capture→handoff measurements kept; {@code trackedHandoffs}: open and closed handoffs
 * remembered for the sales floor; {@code seenEventIds}: event ids remembered to ignore a record read twice.
 */
public record ViewLimits(int trackedLeads, int timelineLeads, int eventsPerLead, int latencySamples,
        int trackedHandoffs, int seenEventIds) {

    public ViewLimits {
        requirePositive("trackedLeads", trackedLeads);
        requirePositive("timelineLeads", timelineLeads);
        requirePositive("eventsPerLead", eventsPerLead);
        requirePositive("latencySamples", latencySamples);
        requirePositive("trackedHandoffs", trackedHandoffs);
        requirePositive("seenEventIds", seenEventIds);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
