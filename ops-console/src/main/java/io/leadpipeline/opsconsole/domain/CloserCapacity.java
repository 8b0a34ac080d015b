package io.leadpipeline.opsconsole.domain;

/**
 * What routing-service says about a closer (GET /v1/closers), when it answers: capacity (max open handoffs) and
 * whether they are on duty (active, not out of office, inside working hours); null when routing does not say.
 */
public record CloserCapacity(String closerId, String name, Integer capacity, Boolean onDuty) {
}
