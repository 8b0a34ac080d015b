package io.leadpipeline.opsconsole.domain;

/**
 * What routing-service says about a closer (GET /v1/closers), when it answers: any field it does not give is null.
 */
public record CloserCapacity(String closerId, String name, Integer capacity, Boolean available) {
}
