package io.leadpipeline.capture.config;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.leadpipeline.service.ServiceTopics;

/** The topics capture-service writes (it is their only writer). */
public final class Topics {

    public static final String CONVERSIONS = "lead.conversions";
    public static final String ENGAGEMENTS = "lead.engagements";
    public static final List<String> OWNED = List.of(CONVERSIONS, ENGAGEMENTS);

    /** What service-support's TopicProvisioning creates at start-up when missing. */
    @Produces
    @Singleton
    static ServiceTopics provisioned() {
        return ServiceTopics.of(OWNED);
    }

    private Topics() {
    }
}
