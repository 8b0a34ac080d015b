package io.leadpipeline.qualification.domain.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A named rule that fires when a text contains one of its keywords as a whole word (case-insensitive). */
public record KeywordRule(String name, int points, List<String> keywords) {

    public KeywordRule {
        keywords = keywords.stream().map(keyword -> keyword.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** The first keyword found in the text, if any. */
    public Optional<String> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.stream().filter(keyword -> wholeWord(keyword).matcher(lower).find()).findFirst();
    }

    static Pattern wholeWord(String keyword) {
        // Letters and digits around the keyword would make it part of another word ("vp" in "mvp", "cto" in "director").
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])");
    }
}
