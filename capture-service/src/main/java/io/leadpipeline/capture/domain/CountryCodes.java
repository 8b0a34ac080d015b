package io.leadpipeline.capture.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Countries as ISO-3166 alpha-2 codes. Accepts a code in any case, an alpha-3 code, or a country name in
 * English, German, French, Spanish, Italian, Portuguese or Dutch ("Germany", "Deutschland", "Allemagne" are DE);
 * a name that could mean more than one country is not guessed.
 */
public final class CountryCodes {

    private static final List<Locale> NAME_LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.of("es"), Locale.ITALIAN, Locale.of("pt"), Locale.of("nl"));

    // Names people write that no locale's display name covers; each means exactly one country.
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("usa", "US"), Map.entry("u s a", "US"), Map.entry("u s", "US"),
            Map.entry("united states of america", "US"), Map.entry("america", "US"),
            Map.entry("uk", "GB"), Map.entry("u k", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"),
            Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
            Map.entry("northern ireland", "GB"), Map.entry("holland", "NL"), Map.entry("the netherlands", "NL"),
            Map.entry("czech republic", "CZ"), Map.entry("turkey", "TR"), Map.entry("russia", "RU"),
            Map.entry("south korea", "KR"), Map.entry("republic of korea", "KR"), Map.entry("ivory coast", "CI"),
            Map.entry("burma", "MM"), Map.entry("swaziland", "SZ"), Map.entry("macedonia", "MK"),
            Map.entry("uae", "AE"), Map.entry("vatican", "VA"), Map.entry("vietnam", "VN"));

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = indexNames();

    private CountryCodes() {
    }

    /** The alpha-2 code meant by {@code value}, or empty when it names no country or more than one. */
    public static Optional<String> normalize(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && CODES.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(BY_NAME.get(key(trimmed)));
    }

    private static Map<String, String> indexNames() {
        Map<String, String> byName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String code : CODES) {
            Locale country = Locale.of("", code);
            addName(byName, ambiguous, country.getISO3Country(), code);
            for (Locale language : NAME_LANGUAGES) {
                addName(byName, ambiguous, country.getDisplayCountry(language), code);
            }
        }
        ambiguous.forEach(byName::remove);
        ALIASES.forEach(byName::put);
        return Map.copyOf(byName);
    }

    private static void addName(Map<String, String> byName, Set<String> ambiguous, String name, String code) {
        if (name == null || name.isBlank()) {
            return;
        }
        String previous = byName.putIfAbsent(key(name), code);
        if (previous != null && !previous.equals(code)) {
            ambiguous.add(key(name));
        }
    }

    /** Case, accents, punctuation and extra spaces do not matter: "Côte d’Ivoire" is "cote d ivoire". */
    private static String key(String name) {
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
