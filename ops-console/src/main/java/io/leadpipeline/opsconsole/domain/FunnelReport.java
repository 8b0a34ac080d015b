package io.leadpipeline.opsconsole.domain;

import java.time.Instant;
import java.util.List;

/** Funnel counts over a window; {@code from} is null for the window "all". */
public record FunnelReport(String window, Instant from, Instant to, List<Stage> steps) {

    /**
     * One step: how many leads first reached it in the window, and that count as a share of the step it follows
     * ({@code rate} is null when the earlier step counted none). Rates can pass 1.0 in a short window, when leads
     * captured before the window qualify inside it.
     */
    public record Stage(FunnelStep step, String label, long count, FunnelStep after, Double rate) {
    }

    public long count(FunnelStep step) {
        return steps.stream().filter(stage -> stage.step() == step).mapToLong(Stage::count).sum();
    }
}
