package io.leadpipeline.capture.domain;

/**
 * Text as a person typed it, made safe to store: control characters stripped (line breaks kept only in
 * multi-line fields), surrounding whitespace trimmed, and blank treated as absent.
 */
public final class TextFields {

    /** The message of a cleaned value over its {@code @CodePointLength}: lengths count characters (code points), not UTF-16 units. */
    public static final String TOO_LONG = "must be at most {max} characters";

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

    /** The value as sent, or null when blank: for values whose own rule reads them untrimmed (an email, a type name). */
    public static String asSent(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
