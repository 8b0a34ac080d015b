package io.leadpipeline.capture.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Company size as a head count ("500", "1,200") or a band ("201-500", "5000+"), normalized without separators. */
public final class CompanySizes {

    static final long MAX_EMPLOYEES = 10_000_000L;

    private static final String NUMBER = "(\\d{1,3}(?:[,.' ]\\d{3})+|\\d+)";
    private static final Pattern COUNT = Pattern.compile(NUMBER);
    private static final Pattern RANGE = Pattern.compile(NUMBER + "\\s*[-–—]\\s*" + NUMBER);
    private static final Pattern OPEN_ENDED = Pattern.compile(NUMBER + "\\s*\\+");

    private CompanySizes() {
    }

    /** The normalized size, or empty when {@code value} is neither a number nor a band. */
    public static Optional<String> normalize(String value) {
        String trimmed = value.trim();
        Matcher m;
        if ((m = COUNT.matcher(trimmed)).matches()) {
            return number(m.group(1)).map(String::valueOf);
        }
        if ((m = OPEN_ENDED.matcher(trimmed)).matches()) {
            return number(m.group(1)).map(n -> n + "+");
        }
        if ((m = RANGE.matcher(trimmed)).matches()) {
            Optional<Long> from = number(m.group(1));
            Optional<Long> to = number(m.group(2));
            if (from.isPresent() && to.isPresent() && from.get() <= to.get()) {
                return Optional.of(from.get() + "-" + to.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> number(String digits) {
        String plain = digits.replaceAll("[,.' ]", "");
        if (plain.length() > 9) {
            return Optional.empty();
        }
        long n = Long.parseLong(plain);
        return n >= 1 && n <= MAX_EMPLOYEES ? Optional.of(n) : Optional.empty();
    }
}
