package io.leadpipeline.nurture.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.nurture.domain.TrackSelector;

/** Hands Quarkus the nurture topology, wired to the registry-backed serdes. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(@ConfigProperty(name = "apicurio.registry.url") String registryUrl) {
        return NurtureTopology.build(new RegistryEventSerdes(registryUrl), new TrackSelector());
    }
}
