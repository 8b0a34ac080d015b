package io.leadpipeline.opsconsole.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.leadpipeline.opsconsole.domain.ViewLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The console's settings ({@code ops-console.*} in application.properties, env {@code OPS_CONSOLE_*}). Where Kafka and
 * the registry are ({@code kafka.bootstrap.servers}, {@code apicurio.registry.url}) stays {@code @ConfigProperty} in
 * the readers: those are the Kafka extension's and Apicurio's names, outside this prefix (see service-support's
 * {@link io.leadpipeline.service.config.PipelineSettings} for why no mapping claims them).
 */
@ConfigMapping(prefix = "ops-console")
public interface ConsoleSettings {

    /** The console's own consumer group. Give each console instance its own: each one needs every partition. */
    @WithDefault("ops-console")
    String groupId();

    /** The consumer groups (Kafka Streams application ids) whose lag the page shows. */
    @WithDefault("qualification-service,routing-service,nurture-service")
    List<String> serviceGroups();

    /** How often consumer lag is read through the Admin API. */
    @WithDefault("5s")
    Duration lagInterval();

    /** routing-service's base URL, for closers' capacity (GET /v1/closers); without it capacity shows as unknown. */
    Optional<URI> routingUrl();

    /**
     * The console's own token for routing-service (role {@code ops}; {@code ./pipeline up} mints one): the roster is
     * not open to anonymous callers. Without it routing answers 401 and capacity shows as unknown.
     */
    Optional<String> routingToken();

    /** How often the roster is fetched from routing-service. */
    @WithDefault("10s")
    Duration rosterInterval();

    /** How often the live stream pushes a fresh snapshot to each open page. */
    @WithDefault("1s")
    Duration streamInterval();

    /** How long a record that fails to decode is retried (the registry may be starting) before it is skipped. */
    @WithDefault("30s")
    Duration decodeRetry();

    /**
     * How long a schema-registry call may go without an answer (to connect, then between bytes) before it counts as
     * the registry unreachable: the record is then read again later, never skipped.
     */
    @WithDefault("5s")
    Duration registryTimeout();

    Limits limits();

    /** See {@link ViewLimits}: what bounds the console's memory. */
    interface Limits {

        @WithDefault("100000")
        int trackedLeads();

        @WithDefault("5000")
        int timelineLeads();

        @WithDefault("200")
        int eventsPerLead();

        @WithDefault("20000")
        int latencySamples();

        @WithDefault("100000")
        int trackedHandoffs();

        @WithDefault("200000")
        int seenEventIds();

        default ViewLimits toViewLimits() {
            return new ViewLimits(trackedLeads(), timelineLeads(), eventsPerLead(), latencySamples(),
                    trackedHandoffs(), seenEventIds());
        }
    }
}
