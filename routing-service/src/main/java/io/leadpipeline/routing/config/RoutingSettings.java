package io.leadpipeline.routing.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The closers and the SLA, from application.properties (routing.*). */
@ConfigMapping(prefix = "routing")
public interface RoutingSettings {

    /** Name of the pool every sales-qualified lead goes to. */
    @WithDefault("default")
    String pool();

    /** How long a closer has to accept a handoff. */
    @WithDefault("PT4H")
    Duration sla();

    List<CloserSetting> closers();

    interface CloserSetting {
        String id();

        String name();

        String email();
    }
}
