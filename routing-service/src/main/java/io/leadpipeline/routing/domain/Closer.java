package io.leadpipeline.routing.domain;

/** A sales rep who takes handed-off leads. */
public record Closer(String id, String name, String email) {
}
