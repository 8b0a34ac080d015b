package io.leadpipeline.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.leadpipeline.kafka.Probe;

/**
 * /q/health/ready is DOWN while Kafka or the schema registry cannot be reached (besides Quarkus' own check that the
 * Kafka Streams app is RUNNING). One bean for every service; the probes themselves are plain classes in kafka-support.
 * Hand-written rather than Quarkus' Kafka health check: that one waits on describeCluster without a deadline of its
 * own (so a poll hangs for the admin client's 60 s API timeout while the broker is away) and answers every poll
 * afresh; ours answers within 2 s and reuses an answer for 3 s. The registry has no built-in check at all.
 */
@ApplicationScoped
public class DependencyReadiness {

    private final Probe kafka;
    private final Probe registry;

    DependencyReadiness(KafkaClientSettings kafka,
            @ConfigProperty(name = "apicurio.registry.url") String registryUrl,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.kafka = Probe.kafka(kafka.connection(), service + "-readiness");
        this.registry = Probe.registry(registryUrl);
    }

    @Produces
    @Readiness
    HealthCheck kafka() {
        return () -> response(kafka.check());
    }

    @Produces
    @Readiness
    HealthCheck registry() {
        return () -> response(registry.check());
    }

    @PreDestroy
    void close() {
        kafka.close();
        registry.close();
    }

    private static HealthCheckResponse response(Probe.Result result) {
        return HealthCheckResponse.named(result.dependency()).status(result.up()).withData("detail", result.detail()).build();
    }
}
