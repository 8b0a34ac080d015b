package io.leadpipeline.opsconsole.domain;

/**
 * The steps of the funnel. The main path is captured → MQL → SQL → handed off → accepted; the recycling path is
 * rejected → nurtured → re-qualified. A lead counts once per step, at the time it first reached the step; rates
 * compare a step with the one it follows ({@link #after()}).
 */
public enum FunnelStep {
    /** First conversion captured (its receivedAt). */
    CAPTURED("Captured", null),
    /** First MQL or SQL decision: an SQL lead is marketing-qualified too. */
    MQL("MQL", CAPTURED),
    /** First SQL decision. */
    SQL("SQL", MQL),
    /** First handoff to a closer. */
    HANDED_OFF("Handed off", SQL),
    /** First handoff a closer accepted. */
    ACCEPTED("Accepted", HANDED_OFF),
    /** First REJECTED decision or first handoff a closer rejected. */
    REJECTED("Rejected", CAPTURED),
    /** First nurture enrollment. */
    NURTURED("Nurtured", REJECTED),
    /** First MQL or SQL decision after the lead's first nurture enrollment. */
    REQUALIFIED("Re-qualified", NURTURED);

    private final String label;
    private final FunnelStep after;

    FunnelStep(String label, FunnelStep after) {
        this.label = label;
        this.after = after;
    }

    public String label() {
        return label;
    }

    /** The step this one's rate is measured against; null for the top of the funnel. */
    public FunnelStep after() {
        return after;
    }
}
