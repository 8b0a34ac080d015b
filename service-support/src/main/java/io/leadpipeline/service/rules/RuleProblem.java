package io.leadpipeline.service.rules;

/**
 * One thing wrong with a rules document: the entry's path ({@code pools[1].members[0]}), its line in the file (0 when
 * the file has no such entry, e.g. a required one left out) and what is wrong, in a sentence.
 */
public record RuleProblem(String path, int line, String message) {

    /** A problem whose line is looked up later, from the path. */
    public static RuleProblem at(String path, String message) {
        return new RuleProblem(path, 0, message);
    }

    RuleProblem onLine(int line) {
        return new RuleProblem(path, line, message);
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + path + ": " + message;
    }
}
