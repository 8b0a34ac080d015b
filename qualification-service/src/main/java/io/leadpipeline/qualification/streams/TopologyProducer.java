package io.leadpipeline.qualification.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.qualification.domain.scoring.Qualifier;

/** Hands Quarkus the qualification topology, wired to the registry-backed serdes. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(@ConfigProperty(name = "apicurio.registry.url") String registryUrl) {
        return QualificationTopology.build(new RegistryEventSerdes(registryUrl), new Qualifier());
    }
}
