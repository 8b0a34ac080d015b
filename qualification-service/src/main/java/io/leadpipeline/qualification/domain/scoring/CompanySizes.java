package io.leadpipeline.qualification.domain.scoring;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a company size as leads give it: "500", "1,200", "201-500" (lower bound), "5000+", "10k". */
final class CompanySizes {

    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d,. ]*)(k)?", Pattern.CASE_INSENSITIVE);

    private CompanySizes() {
    }

    static Optional<Integer> employees(String size) {
        if (size == null) {
            return Optional.empty();
        }
        Matcher matcher = NUMBER.matcher(size.trim());
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            double employees = matcher.group(2) == null
                    ? Long.parseLong(matcher.group(1).replaceAll("[,. ]", ""))
                    : Double.parseDouble(matcher.group(1).replaceAll("[, ]", "")) * 1000; // "1.5k"
            return Optional.of((int) Math.min(Math.round(employees), Integer.MAX_VALUE));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
