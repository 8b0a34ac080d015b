package io.leadpipeline.routing.api;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.leadpipeline.routing.domain.Pool;
import io.leadpipeline.routing.domain.RoutingCase;
import io.leadpipeline.routing.domain.RoutingRules;

/** The pools with their load: open handoffs of their members and the leads waiting in their queue. */
@Path("/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {

    private final DeskAccess desk;
    private final RoutingRules rules;

    public PoolResource(DeskAccess desk, RoutingRules rules) {
        this.desk = desk;
        this.rules = rules;
    }

    @GET
    public Response pools(@Context UriInfo uri, @Context HttpHeaders headers) {
        return desk.serve("GET", uri, headers, null, reader -> {
            List<RoutingCase> waiting = reader.waitingLeads();
            return Response.ok(rules.pools().values().stream().map(pool -> view(pool, waiting, reader)).toList()).build();
        });
    }

    private static PoolView view(Pool pool, List<RoutingCase> waiting, DeskReader reader) {
        List<RoutingCase> mine = waiting.stream().filter(routingCase -> routingCase.pool().equals(pool.id())).toList();
        Instant oldest = mine.stream().map(RoutingCase::waitingFrom).min(Instant::compareTo).orElse(null);
        int open = pool.members().stream().mapToInt(reader::openHandoffs).sum();
        return new PoolView(pool.id(), pool.strategy().name(), pool.members(), pool.offHours().name(), pool.overflowPool(), mine.size(),
                oldest, open);
    }
}
