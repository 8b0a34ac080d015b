package io.leadpipeline.opsconsole.config;

import java.time.Clock;

import io.leadpipeline.opsconsole.domain.OpsView;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one view every adapter shares, and the clock that says what "now" is for the windows. */
public class ViewProducer {

    @Produces
    @Singleton
    OpsView opsView(ConsoleSettings settings) {
        return new OpsView(settings.limits().toViewLimits(), Topics.PIPELINE);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
