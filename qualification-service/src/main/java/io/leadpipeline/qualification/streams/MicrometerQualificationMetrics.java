package io.leadpipeline.qualification.streams;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadpipeline.qualification.domain.Qualification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Qualification metrics on /q/metrics: {@code qualification_decisions_total{stage,previous_stage,rejection_reason,rules_version}}
 * ({@code none} where a tag does not apply), {@code qualification_stale_expirations_total},
 * {@code qualification_recycles_total} and the {@code qualification_decision_lag_seconds} timer (event written → decision).
 */
@ApplicationScoped
public class MicrometerQualificationMetrics implements QualificationMetrics {

    static final String NONE_TAG = "none";

    private final MeterRegistry registry;
    private final Counter staleExpirations;
    private final Counter recycles;
    private final Counter erasures;
    private final Timer decisionLag;

    public MicrometerQualificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.staleExpirations = Counter.builder("qualification.stale.expirations")
                .description("MQLs without progress sent back to marketing (REJECTED/STALE)").register(registry);
        this.recycles = Counter.builder("qualification.recycles")
                .description("SQL leads a closer rejected, starting a new cycle with marketing").register(registry);
        this.erasures = Counter.builder("qualification.erasures")
                .description("Lead profiles erased on request").register(registry);
        this.decisionLag = Timer.builder("qualification.decision.lag")
                .description("From the triggering event being written to its decision").register(registry);
    }

    @Override
    public void decided(Qualification.Decision decision, Duration lag) {
        Counter.builder("qualification.decisions").description("Decisions written to lead.decisions")
                .tags("stage", decision.stage().name(),
                        "previous_stage", decision.previousStage() == null ? NONE_TAG : decision.previousStage().name(),
                        "rejection_reason", decision.rejectionReason() == null ? NONE_TAG : decision.rejectionReason().name(),
                        "rules_version", decision.assessment().rulesVersion())
                .register(registry).increment();
        if (!lag.isNegative() && !lag.isZero()) {
            decisionLag.record(lag);
        }
    }

    @Override
    public void staleExpired() {
        staleExpirations.increment();
    }

    @Override
    public void recycled() {
        recycles.increment();
    }

    @Override
    public void erased() {
        erasures.increment();
    }
}
