package io.leadpipeline.routing.domain;

import java.time.ZoneId;

/** A closer as configured in routing.yaml: who they are, when they work and how much they can hold. */
public record CloserProfile(String id, String name, String email, String team, ZoneId timezone, WorkingHours workingHours,
        int capacity, int weight, boolean active) {
}
