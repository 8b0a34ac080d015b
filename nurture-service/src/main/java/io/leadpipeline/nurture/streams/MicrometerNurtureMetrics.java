package io.leadpipeline.nurture.streams;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The nurture counters on /q/metrics: {@code nurture_enrollments_total{track,reason,suppressed}},
 * {@code nurture_touches_total{track,status}}, {@code nurture_exits_total{track,reason}},
 * {@code nurture_leads_parked_total}, {@code nurture_enrollments_skipped_total{verdict}}. Per instance; Prometheus
 * sums them over instances.
 */
@ApplicationScoped
public class MicrometerNurtureMetrics implements NurtureMetrics {

    private final MeterRegistry registry;

    public MicrometerNurtureMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void enrolled(String track, NurtureEnrollmentReason reason, boolean suppressed) {
        registry.counter("nurture.enrollments", "track", track, "reason", reason.name(), "suppressed", Boolean.toString(suppressed))
                .increment();
    }

    @Override
    public void touched(String track, boolean sent) {
        registry.counter("nurture.touches", "track", track, "status", sent ? "sent" : "suppressed").increment();
    }

    @Override
    public void exited(String track, NurtureExitReason reason) {
        registry.counter("nurture.exits", "track", track, "reason", reason.name()).increment();
    }

    @Override
    public void parked() {
        registry.counter("nurture.leads.parked").increment();
    }

    @Override
    public void skipped(String verdict) {
        registry.counter("nurture.enrollments.skipped", "verdict", verdict).increment();
    }
}
