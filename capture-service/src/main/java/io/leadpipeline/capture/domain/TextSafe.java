package io.leadpipeline.capture.domain;

/**
 * Client input echoed in an error message: one line, control characters gone, cut short, and anything that looks like
 * an email address masked, so an error body never carries personal data (a form id can be any text a caller sends).
 */
public final class TextSafe {

    private static final int MAX_ECHO = 100;
    /** Any run of text holding an @ (or its URL encoding): cheap on at most MAX_ECHO characters. */
    private static final java.util.regex.Pattern ADDRESS_LIKE = java.util.regex.Pattern.compile("[^\\s'\"<>]*(@|%40)[^\\s'\"<>]*");
    static final String MASK = "[email address]";

    private TextSafe() {
    }

    public static String of(String input) {
        String line = TextFields.singleLine(input);
        if (line == null) {
            return "";
        }
        String cut = line.length() > MAX_ECHO ? line.substring(0, MAX_ECHO) + "…" : line;
        return ADDRESS_LIKE.matcher(cut).replaceAll(MASK);
    }
}
