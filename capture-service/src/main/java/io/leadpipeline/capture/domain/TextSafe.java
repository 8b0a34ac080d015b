package io.leadpipeline.capture.domain;

/** Client input echoed in an error message: one line, control characters gone, cut short. */
public final class TextSafe {

    private static final int MAX_ECHO = 100;

    private TextSafe() {
    }

    public static String of(String input) {
        String line = TextFields.singleLine(input);
        if (line == null) {
            return "";
        }
        return line.length() > MAX_ECHO ? line.substring(0, MAX_ECHO) + "…" : line;
    }
}
