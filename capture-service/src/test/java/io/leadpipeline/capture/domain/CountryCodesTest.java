package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Proves countries end up as ISO-3166 alpha-2 codes, from codes or unambiguous names, and nothing is guessed. */
class CountryCodesTest {

    @Test
    void shouldAcceptAlpha2CodesInAnyCase() {
        assertEquals(Optional.of("DE"), CountryCodes.normalize("de"));
        assertEquals(Optional.of("US"), CountryCodes.normalize(" US "));
    }

    @Test
    void shouldNormalizeNamesInSeveralLanguagesAndAlpha3Codes() {
        assertEquals(Optional.of("DE"), CountryCodes.normalize("Germany"));
        assertEquals(Optional.of("DE"), CountryCodes.normalize("Deutschland"));
        assertEquals(Optional.of("DE"), CountryCodes.normalize("allemagne"));
        assertEquals(Optional.of("DE"), CountryCodes.normalize("DEU"));
        assertEquals(Optional.of("CI"), CountryCodes.normalize("Côte d’Ivoire"));
        assertEquals(Optional.of("US"), CountryCodes.normalize("United States"));
    }

    @Test
    void shouldNormalizeCommonNamesNoLocaleSpellsOut() {
        assertEquals(Optional.of("GB"), CountryCodes.normalize("UK"));
        assertEquals(Optional.of("GB"), CountryCodes.normalize("England"));
        assertEquals(Optional.of("US"), CountryCodes.normalize("U.S.A."));
        assertEquals(Optional.of("NL"), CountryCodes.normalize("Holland"));
    }

    @Test
    void shouldNotGuessUnknownOrAmbiguousNames() {
        assertEquals(Optional.empty(), CountryCodes.normalize("Atlantis"));
        assertEquals(Optional.empty(), CountryCodes.normalize("XX"));
        assertEquals(Optional.empty(), CountryCodes.normalize("Guinea Bissau Papua"));
        assertEquals(Optional.empty(), CountryCodes.normalize("Korea")); // North or South: not ours to pick
    }
}
