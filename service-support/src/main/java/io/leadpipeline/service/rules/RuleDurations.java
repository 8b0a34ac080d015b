package io.leadpipeline.service.rules;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * The one duration syntax of every rules file: a whole number and a unit ({@code 500ms}, {@code 10s}, {@code 5m},
 * {@code 4h}, {@code 14d}, {@code 2w}) or ISO-8601 ({@code PT4H}, {@code P14D}). Jackson's own Duration reader takes
 * only ISO (or a bare number of seconds, which a reader of the file cannot tell from minutes), hence this one.
 */
public final class RuleDurations extends JsonDeserializer<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w)");
    static final String SYNTAX = "a duration like 10s, 5m, 4h, 14d, 2w or ISO-8601 PT4H";

    /** The duration {@code text} names; IllegalArgumentException saying the syntax when it names none. */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // falls through to the message naming the syntax
            }
        }
        throw new IllegalArgumentException("'" + trimmed + "' is not " + SYNTAX);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) context.handleUnexpectedToken(Duration.class, parser.currentToken(), parser,
                    "expected " + SYNTAX);
        }
        try {
            return parse(parser.getText());
        } catch (IllegalArgumentException e) {
            return (Duration) context.handleWeirdStringValue(Duration.class, parser.getText(), "expected " + SYNTAX);
        }
    }
}
