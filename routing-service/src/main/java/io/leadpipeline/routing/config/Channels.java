package io.leadpipeline.routing.config;

/** SmallRye Reactive Messaging channel names; their Kafka settings are in application.properties. */
public final class Channels {

    public static final String HANDOFF_RESPONSES = "handoff-responses";
    public static final String CLOSER_AVAILABILITY = "closer-availability";

    private Channels() {
    }
}
