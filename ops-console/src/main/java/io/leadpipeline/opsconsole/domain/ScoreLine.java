package io.leadpipeline.opsconsole.domain;

/** One scoring rule that fired in a decision: the rule, its points and the sentence explaining it. */
public record ScoreLine(String ruleId, int points, String description) {
}
