package io.leadpipeline.nurture.streams;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;

import io.leadpipeline.kafka.GroupLeave;
import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.kafka.StreamThreadRecovery;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.nurture.config.NurtureSettings;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.rules.LiveRules;

/**
 * Hands Quarkus the nurture topology, wired to the registry-backed serdes, the live rules (each record and punctuation
 * reads the current version), the metrics and tracing.
 */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(@ConfigProperty(name = "apicurio.registry.url") String registryUrl, NurtureSettings settings,
            LiveRules<NurtureRules> rules, MicrometerNurtureMetrics metrics, OpenTelemetry openTelemetry) {
        return NurtureTopology.build(new RegistryEventSerdes(registryUrl), rules, settings.cadence().checkInterval(), metrics,
                new StreamsTracing(openTelemetry));
    }

    /** Quarkus sets this on the KafkaStreams it starts: a failed stream thread is replaced, never left dead. */
    @Produces
    @ApplicationScoped
    StreamsUncaughtExceptionHandler streamThreadRecovery() {
        return new StreamThreadRecovery();
    }

    /** A stopping instance hands its partitions over at once (before Quarkus closes Kafka Streams without leaving). */
    void leaveGroupOnStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent stop, KafkaStreams streams) {
        GroupLeave.closeAndLeave(streams);
    }
}
