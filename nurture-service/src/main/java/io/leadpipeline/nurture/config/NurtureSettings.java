package io.leadpipeline.nurture.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * nurture-service's own settings ({@code nurture.*} in application.properties; env {@code NURTURE_CHECK_INTERVAL}
 * through the properties file, or {@code NURTURE_CADENCE_CHECK_INTERVAL}). The rules folder is service-support's shared
 * {@link io.leadpipeline.service.config.PipelineSettings}. Kafka and the registry ({@code kafka.bootstrap.servers},
 * {@code apicurio.registry.url}), Kafka Streams ({@code kafka-streams.*}) and {@code quarkus.*} keys belong to the
 * extensions and stay where they are read: injected with {@code @ConfigProperty}, or in application.properties.
 * <p>
 * Every {@code nurture.*} key belongs here: one this mapping does not declare, in a properties file or a system
 * property, stops the start-up (environment variables such as {@code NURTURE_PORT} are not checked).
 */
@ConfigMapping(prefix = "nurture")
public interface NurtureSettings {

    Cadence cadence();

    /** {@code nurture.cadence.*}: when touches go out. */
    interface Cadence {

        /** How often the wall-clock punctuator looks for due steps: a touch goes out at most this long after it is due. */
        @WithDefault("5s")
        Duration checkInterval();
    }
}
