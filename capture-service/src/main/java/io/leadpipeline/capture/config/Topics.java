package io.leadpipeline.capture.config;

import java.util.List;

/** The topics capture-service writes (it is their only writer). */
public final class Topics {

    public static final String CONVERSIONS = "lead.conversions";
    public static final String ENGAGEMENTS = "lead.engagements";
    public static final List<String> OWNED = List.of(CONVERSIONS, ENGAGEMENTS);

    private Topics() {
    }
}
