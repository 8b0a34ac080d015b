package io.leadpipeline.routing.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.leadpipeline.kafka.RegistryEventSerdes;
import io.leadpipeline.routing.config.RoutingRuleSet;
import io.leadpipeline.routing.domain.RoutingPreview;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.routing.streams.RecentDecisions;
import io.leadpipeline.service.KafkaClientSettings;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.rules.InvalidRulesException;
import io.leadpipeline.service.rules.LiveRules;
import io.leadpipeline.service.rules.RulesResource;
import io.leadpipeline.service.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /v1/routing/preview[?last=500]}: how a candidate routing.yaml would spread the last N sales-qualified
 * leads over rules, pools and closers, against their capacity, side by side with the live rules. Writes nothing;
 * an invalid candidate is refused with 422 naming each problem's line and path.
 */
@Path("/v1/routing/preview")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SALES_OPS})
public class RoutingPreviewResource {

    static final int MAX_LEADS = 10_000;

    private final LiveRules<RoutingRules> live;
    private final RecentDecisions recent;

    RoutingPreviewResource(LiveRules<RoutingRules> live, KafkaClientSettings kafka,
            @ConfigProperty(name = "apicurio.registry.url") String registryUrl) {
        this.live = live;
        this.recent = new RecentDecisions(kafka.connection(), new RegistryEventSerdes(registryUrl));
    }

    public record Comparison(int leads, RoutingPreview.Spread current, RoutingPreview.Spread candidate) {
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Blocking
    public Response preview(@QueryParam("last") @DefaultValue("500") int last, byte[] candidateDocument) {
        if (last < 1 || last > MAX_LEADS) {
            return Problem.response(Response.Status.BAD_REQUEST, "last must be from 1 to " + MAX_LEADS);
        }
        RoutingRules candidate;
        try {
            candidate = RoutingRuleSet.rules(candidateDocument == null ? new byte[0] : candidateDocument, "candidate");
        } catch (InvalidRulesException invalid) {
            return RulesResource.invalid("The candidate routing rules", invalid, "nothing was previewed");
        }
        List<RoutingPreview.Lead> leads;
        try {
            leads = recent.lastSqls(last);
        } catch (org.apache.kafka.common.KafkaException e) {
            return Problem.retryLater("The recent decisions could not be read from Kafka just now; try again.");
        }
        return Response.ok(new Comparison(leads.size(), RoutingPreview.of(live.get(), leads), RoutingPreview.of(candidate, leads))).build();
    }
}
