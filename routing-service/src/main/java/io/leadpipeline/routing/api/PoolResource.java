package io.leadpipeline.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.leadpipeline.routing.domain.Pool;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.service.rules.LiveRules;
import io.smallrye.common.annotation.Blocking;
import io.leadpipeline.service.security.Roles;
import io.smallrye.mutiny.Uni;

/** The pools with their load: open handoffs of their members and the leads waiting in their queue. */
@Path("/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES_OPS, Roles.OPS, Roles.ADMIN})
public class PoolResource {

    private final DeskAccess desk;
    /** Read per request: a published change applies without a restart. */
    private final LiveRules<RoutingRules> rules;

    public PoolResource(DeskAccess desk, LiveRules<RoutingRules> rules) {
        this.desk = desk;
        this.rules = rules;
    }

    @GET
    @Blocking // the answer is a store read
    public Uni<Response> pools(@Context UriInfo uri, @Context HttpHeaders headers) {
        return desk.read(uri, headers,
                reader -> Response.ok(rules.get().pools().values().stream().map(pool -> view(pool, reader)).toList()).build());
    }

    private static PoolView view(Pool pool, DeskReader reader) {
        int open = pool.members().stream().mapToInt(reader::openHandoffs).sum();
        return new PoolView(pool.id(), pool.strategy().name(), pool.members(), pool.offHours().name(), pool.overflowPool(),
                reader.waitingCount(pool.id()), reader.frontWaitingSince(pool.id()).orElse(null), open);
    }
}
