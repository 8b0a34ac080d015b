package io.leadpipeline.routing.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * routing-service's own settings ({@code routing.*} in application.properties; env {@code ROUTING_TICK_INTERVAL},
 * {@code ROUTING_COMMAND_TIMEOUT}). The rules folder is service-support's shared
 * {@link io.leadpipeline.service.config.PipelineSettings}. Kafka and the registry ({@code kafka.bootstrap.servers},
 * {@code apicurio.registry.url}), Kafka Streams ({@code kafka-streams.*}) and {@code quarkus.*} keys belong to the
 * extensions and stay where they are read: injected with {@code @ConfigProperty}, or in application.properties.
 * <p>
 * Every {@code routing.*} key belongs here: one this mapping does not declare, in a properties file or a system
 * property, stops the start-up (environment variables such as {@code ROUTING_PORT} are not checked).
 */
@ConfigMapping(prefix = "routing")
public interface RoutingSettings {

    /** How often the desk expires overdue handoffs and re-checks waiting leads (working hours, out of office). */
    @WithDefault("PT10S")
    Duration tickInterval();

    /** How long an accept, reject or availability request waits for the desk to apply it before answering 503. */
    @WithDefault("PT30S")
    Duration commandTimeout();
}
