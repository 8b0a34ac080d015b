package io.leadpipeline.routing.streams;

import java.time.Instant;

import io.leadpipeline.routing.domain.CommandResult;

/** A command's result as kept in the command-results store, with when it was answered (old ones are pruned). */
public record AnsweredCommand(CommandResult result, Instant answeredAt) {
}
