package io.leadpipeline.routing.domain;

/** How a pool picks among its eligible members. */
public enum PoolStrategy {
    /** Order-based: the member whose turn it is; a skipped (ineligible) member keeps their place at the front. */
    ROUND_ROBIN,
    /** Fewest open handoffs; ties go to whoever was assigned least recently. */
    LOAD_BALANCED,
    /** Share of leads proportional to each member's weight (smooth weighted round robin). */
    WEIGHTED
}
