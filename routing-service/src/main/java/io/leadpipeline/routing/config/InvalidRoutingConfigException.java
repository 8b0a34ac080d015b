package io.leadpipeline.routing.config;

/** routing.yaml cannot be used; the message names the file and every bad line or entry. */
public class InvalidRoutingConfigException extends RuntimeException {

    public InvalidRoutingConfigException(String message) {
        super(message);
    }
}
