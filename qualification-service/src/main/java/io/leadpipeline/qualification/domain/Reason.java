package io.leadpipeline.qualification.domain;

/** One rule that fired: its id, the points it gave, and a sentence a sales rep can read. */
public record Reason(String ruleId, int points, String description) {
}
