package io.leadpipeline.kafka;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company's size read by the pipeline's one rule: capture parses the submitted text once into the contract's
 * {@code ContactDetails.employees}, and readers of records written before that field existed read the kept
 * {@code companySize} text with this same rule ({@link #employees(Integer, String)}), so a size means the same
 * number everywhere.
 *
 * <p>The whole text must be a head count ({@code "500"}, {@code "1,200"}, {@code "1.200"}, {@code "1 200"}), a
 * count in thousands ({@code "10k"}, {@code "1.5k"}), a band ({@code "201-500"}, {@code "1k-5k"}) or an open-ended
 * size ({@code "5000+"}, {@code "10k+"}); each number is 1 to {@value #MAX_EMPLOYEES} and a band's lower end is not
 * above its upper end. Anything else ({@code "lots"}, {@code "about 500"}, {@code "0"}) is not a size. A band and an
 * open-ended size count as their lower bound: "51-200" is at least 51 employees, which is all a rule may rely on.
 *
 * @param employees the head count, or a band's lower bound
 * @param upTo      a band's upper bound, or null
 * @param orMore    whether the size is open-ended ("5000+")
 */
public record CompanySize(int employees, Integer upTo, boolean orMore) {

    public static final int MAX_EMPLOYEES = 10_000_000;

    // Digits with thousands separators ("1,200", "1.200", "1'200", "1 200"), plain digits, or thousands ("10k",
    // "1.5k"): a decimal mark is allowed only before k, with at most two decimals, so it cannot be read as grouping.
    private static final String NUMBER = "(\\d{1,3}(?:[,.' ]\\d{3})+|\\d+(?:[.,]\\d{1,2})?\\s?[kK]|\\d+)";
    private static final Pattern COUNT = Pattern.compile(NUMBER);
    private static final Pattern RANGE = Pattern.compile(NUMBER + "\\s*[-–—]\\s*" + NUMBER);
    private static final Pattern OPEN_ENDED = Pattern.compile(NUMBER + "\\s*\\+");
    private static final int MAX_DIGITS = 9;

    public CompanySize {
        if (employees < 1 || employees > MAX_EMPLOYEES || (upTo != null && (orMore || upTo < employees || upTo > MAX_EMPLOYEES))) {
            throw new IllegalArgumentException("not a company size: " + employees + (orMore ? "+" : upTo == null ? "" : "-" + upTo));
        }
    }

    /** The size the text gives, or empty when it is none (or null). */
    public static Optional<CompanySize> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher m;
        if ((m = COUNT.matcher(trimmed)).matches()) {
            return number(m.group(1)).map(n -> new CompanySize(n, null, false));
        }
        if ((m = OPEN_ENDED.matcher(trimmed)).matches()) {
            return number(m.group(1)).map(n -> new CompanySize(n, null, true));
        }
        if ((m = RANGE.matcher(trimmed)).matches()) {
            Optional<Integer> from = number(m.group(1));
            Optional<Integer> to = number(m.group(2));
            if (from.isPresent() && to.isPresent() && from.get() <= to.get()) {
                return Optional.of(new CompanySize(from.get(), to.get(), false));
            }
        }
        return Optional.empty();
    }

    /**
     * The employees a contact record gives: its typed {@code employees} when set, else its {@code companySize} text
     * read by {@link #parse} (records written before capture filled {@code employees}).
     */
    public static Optional<Integer> employees(Integer recorded, String asGiven) {
        return recorded != null ? Optional.of(recorded) : parse(asGiven).map(CompanySize::employees);
    }

    /** The size written without separators or shorthand: "1200", "201-500", "10000+". */
    public String text() {
        return orMore ? employees + "+" : upTo == null ? String.valueOf(employees) : employees + "-" + upTo;
    }

    private static Optional<Integer> number(String given) {
        boolean thousands = given.endsWith("k") || given.endsWith("K");
        String digits = thousands
                ? given.substring(0, given.length() - 1).strip().replace(',', '.')
                : given.replaceAll("[,.' ]", "");
        if (digits.replace(".", "").length() > MAX_DIGITS) {
            return Optional.empty();
        }
        BigDecimal n = new BigDecimal(digits);
        if (thousands) {
            n = n.movePointRight(3); // at most two decimals: always a whole number
        }
        return n.compareTo(BigDecimal.ONE) >= 0 && n.compareTo(BigDecimal.valueOf(MAX_EMPLOYEES)) <= 0
                ? Optional.of(n.intValueExact())
                : Optional.empty();
    }
}
