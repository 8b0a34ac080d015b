package io.leadpipeline.qualification.domain.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A named rule that fires when a text contains one of its keywords as a whole word (case-insensitive). */
public final class KeywordRule {

    private final String name;
    private final int points;
    private final List<String> keywords;
    // Compiled once with the rules: matching runs for every lead assessment.
    private final List<Pattern> patterns;

    public KeywordRule(String name, int points, List<String> keywords) {
        this.name = name;
        this.points = points;
        this.keywords = keywords.stream().map(keyword -> keyword.trim().toLowerCase(Locale.ROOT)).toList();
        this.patterns = this.keywords.stream().map(KeywordRule::wholeWord).toList();
    }

    public String name() {
        return name;
    }

    public int points() {
        return points;
    }

    public List<String> keywords() {
        return keywords;
    }

    /** The first keyword found in the text, if any. */
    public Optional<String> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(lower).find()) {
                return Optional.of(keywords.get(i));
            }
        }
        return Optional.empty();
    }

    private static Pattern wholeWord(String keyword) {
        // Letters and digits around the keyword would make it part of another word ("vp" in "mvp", "cto" in "director").
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])");
    }

    @Override
    public String toString() {
        return "KeywordRule[" + name + ", " + points + ", " + keywords + "]";
    }
}
