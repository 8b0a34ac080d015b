package io.leadpipeline.routing.domain;

/** One assignment rule: leads matching {@code when} go to {@code pool}. Rules are tried in order; the first match wins. */
public record Rule(String id, RuleConditions when, String pool) {
}
