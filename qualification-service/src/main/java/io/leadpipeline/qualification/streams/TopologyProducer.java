package io.leadpipeline.qualification.streams;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;

import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.qualification.domain.Qualification;

/** Hands Quarkus the qualification topology, wired to the registry-backed serdes, the scoring rules, metrics and tracing. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(@ConfigProperty(name = "apicurio.registry.url") String registryUrl, Qualification qualification,
            @ConfigProperty(name = "qualification.scan-interval", defaultValue = "PT1H") Duration scanInterval,
            QualificationMetrics metrics, OpenTelemetry openTelemetry) {
        return QualificationTopology.build(new RegistryEventSerdes(registryUrl), qualification, scanInterval, metrics,
                new StreamsTracing(openTelemetry));
    }
}
