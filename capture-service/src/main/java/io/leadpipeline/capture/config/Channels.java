package io.leadpipeline.capture.config;

/** SmallRye Reactive Messaging channel names; their Kafka settings are in application.properties. */
public final class Channels {

    public static final String CONVERSIONS = "conversions";
    public static final String ENGAGEMENTS = "engagements";

    private Channels() {
    }
}
