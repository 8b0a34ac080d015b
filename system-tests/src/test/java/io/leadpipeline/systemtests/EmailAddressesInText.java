package io.leadpipeline.systemtests;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds email-address-shaped strings in text in one pass from each {@code @} (or URL-encoded {@code %40}), so a
 * hostile megabyte body costs linear time (a regex with a leading {@code [..]+} is quadratic on text without an @).
 * An address needs a dot and two letters after the @, so Java's {@code Object@1a2b3c} is not one.
 */
final class EmailAddressesInText {

    private static final int MAX_PART = 64;

    private EmailAddressesInText() {
    }

    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        for (String at : List.of("@", "%40")) {
            for (int i = text.indexOf(at); i >= 0; i = text.indexOf(at, i + at.length())) {
                int start = i;
                while (start > 0 && i - start < MAX_PART && isLocal(text.charAt(start - 1))) {
                    start--;
                }
                int end = i + at.length();
                while (end < text.length() && end - i < MAX_PART && isDomain(text.charAt(end))) {
                    end++;
                }
                String domain = text.substring(i + at.length(), end);
                int dot = domain.lastIndexOf('.');
                if (start < i && dot > 0 && domain.length() - dot > 2
                        && domain.substring(dot + 1).chars().allMatch(Character::isLetter)) {
                    found.add(text.substring(start, i) + "@" + domain);
                }
            }
        }
        return found;
    }

    private static boolean isLocal(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || ".%+-_".indexOf(c) >= 0;
    }

    private static boolean isDomain(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-';
    }
}
