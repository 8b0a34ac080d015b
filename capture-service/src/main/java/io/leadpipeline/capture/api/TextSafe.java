package io.leadpipeline.capture.api;

import io.leadpipeline.capture.domain.TextFields;

/** Client input echoed in an error message: one line, control characters gone, cut short. */
final class TextSafe {

    private static final int MAX_ECHO = 100;

    private TextSafe() {
    }

    static String of(String input) {
        String line = TextFields.singleLine(input);
        if (line == null) {
            return "";
        }
        return line.length() > MAX_ECHO ? line.substring(0, MAX_ECHO) + "…" : line;
    }
}
