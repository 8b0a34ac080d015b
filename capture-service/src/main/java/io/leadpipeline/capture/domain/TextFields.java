package io.leadpipeline.capture.domain;

import java.util.Optional;

/**
 * Text as a person typed it, made safe to store: control characters stripped (line breaks kept only in
 * multi-line fields), surrounding whitespace trimmed, and blank treated as absent.
 */
public final class TextFields {

    private TextFields() {
    }

    /** A one-line value: tabs and line breaks become spaces, other control characters go. Null when blank. */
    public static String singleLine(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder cleaned = new StringBuilder(value.length());
        value.replace("\r\n", "\n").codePoints().forEach(c -> {
            if (c == '\t' || c == '\n' || c == '\r') {
                cleaned.append(' ');
            } else if (!Character.isISOControl(c)) {
                cleaned.appendCodePoint(c);
            }
        });
        return blankToNull(cleaned.toString().trim());
    }

    /** A multi-line value (a message box): line breaks and tabs kept, CR LF made LF, other control characters go. */
    public static String multiLine(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder cleaned = new StringBuilder(value.length());
        value.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                cleaned.appendCodePoint(c);
            }
        });
        return blankToNull(cleaned.toString().strip());
    }

    /** Why the cleaned value is too long, or empty when it fits; lengths count characters, not UTF-16 units. */
    public static Optional<String> tooLong(String cleaned, int maxCharacters) {
        if (cleaned != null && cleaned.codePointCount(0, cleaned.length()) > maxCharacters) {
            return Optional.of("must be at most " + maxCharacters + " characters");
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
