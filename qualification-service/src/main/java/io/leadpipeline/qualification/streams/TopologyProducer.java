package io.leadpipeline.qualification.streams;

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
import io.leadpipeline.qualification.config.QualificationSettings;
import io.leadpipeline.qualification.domain.Qualification;
import io.leadpipeline.service.rules.LiveRules;

/** Hands Quarkus the qualification topology, wired to the registry-backed serdes, the scoring rules, metrics and tracing. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(@ConfigProperty(name = "apicurio.registry.url") String registryUrl, LiveRules<Qualification> qualification,
            QualificationSettings settings, QualificationMetrics metrics, OpenTelemetry openTelemetry, ReassessRequests reassess) {
        return QualificationTopology.build(new RegistryEventSerdes(registryUrl), qualification, settings.scanInterval(), metrics,
                new StreamsTracing(openTelemetry), reassess);
    }

    /** One per instance: the HTTP API asks, every stream task of the instance re-assesses its leads. */
    @Produces
    @jakarta.inject.Singleton
    ReassessRequests reassessRequests() {
        return new ReassessRequests();
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
