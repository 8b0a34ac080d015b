package io.leadpipeline.routing.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.routing.config.RoutingSettings;
import io.leadpipeline.routing.domain.Closer;
import io.leadpipeline.routing.domain.RoundRobin;

/** Hands Quarkus the routing topology, wired to the registry-backed serdes and the configured closers. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(@ConfigProperty(name = "apicurio.registry.url") String registryUrl, RoutingSettings settings) {
        RoundRobin rotation = new RoundRobin(settings.closers().stream()
                .map(closer -> new Closer(closer.id(), closer.name(), closer.email()))
                .toList());
        return RoutingTopology.build(new RegistryEventSerdes(registryUrl), settings.pool(), rotation, settings.sla());
    }
}
