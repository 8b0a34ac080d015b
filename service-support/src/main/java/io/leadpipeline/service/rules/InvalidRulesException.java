package io.leadpipeline.service.rules;

import java.util.List;

/** A rules document that does not validate: its source (a file name) and every problem found, each with line and path. */
public class InvalidRulesException extends RuntimeException {

    private final String source;
    private final List<RuleProblem> problems;

    public InvalidRulesException(String source, List<RuleProblem> problems) {
        super(source + " is not valid:\n  " + String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
