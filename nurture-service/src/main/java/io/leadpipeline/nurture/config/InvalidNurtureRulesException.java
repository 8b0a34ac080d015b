package io.leadpipeline.nurture.config;

import java.util.List;

/** The nurture YAML does not validate; the message names every bad line or entry. */
public class InvalidNurtureRulesException extends RuntimeException {

    private final List<String> problems;

    public InvalidNurtureRulesException(String source, List<String> problems) {
        super("Invalid nurture rules in " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
