package io.leadpipeline.capture.domain;

/** Personal data as it may appear in a log line: enough to recognise a case, not enough to identify a person. */
public final class Masking {

    private Masking() {
    }

    /** {@code jane.doe@acme.example} becomes {@code j***@acme.example}; anything that is not an address becomes {@code ***}. */
    public static String email(String email) {
        if (email == null) {
            return "null";
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return trimmed.charAt(0) + "***" + trimmed.substring(at);
    }
}
