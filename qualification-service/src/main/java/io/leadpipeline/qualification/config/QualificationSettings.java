package io.leadpipeline.qualification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * qualification-service's own settings ({@code qualification.*} in application.properties; env
 * {@code QUALIFICATION_SCAN_INTERVAL}, {@code QUALIFICATION_ADVERTISED_HOST}). The rules folder is service-support's
 * shared {@link io.leadpipeline.service.config.PipelineSettings}. Kafka and the registry
 * ({@code kafka.bootstrap.servers}, {@code apicurio.registry.url}), Kafka Streams ({@code kafka-streams.*}) and
 * {@code quarkus.*} keys belong to the extensions and stay where they are read: injected with {@code @ConfigProperty},
 * or in application.properties.
 * <p>
 * Every {@code qualification.*} key belongs here: one this mapping does not declare, in a properties file or a system
 * property, stops the start-up (environment variables such as {@code QUALIFICATION_PORT} are not checked).
 */
@ConfigMapping(prefix = "qualification")
public interface QualificationSettings {

    /** How often every lead is re-assessed by wall-clock time (score decay, stale MQLs). */
    @WithDefault("PT1H")
    Duration scanInterval();

    /**
     * The host other instances reach this one at. Read by {@code quarkus.kafka-streams.application-server} in
     * application.properties, not by our code; declared here because every {@code qualification.*} key must be.
     */
    @WithDefault("localhost")
    String advertisedHost();
}
