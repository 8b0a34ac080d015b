package io.leadpipeline.qualification.domain.scoring;

import java.util.List;

/** The scoring rules do not validate; the message names every bad entry (e.g. {@code grades.B: must be below A's 65}). */
public class InvalidRulesException extends RuntimeException {

    private final List<String> problems;

    public InvalidRulesException(String source, List<String> problems) {
        super("Invalid scoring rules in " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
