package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Proves company sizes are kept as a head count or a band, without the separators people type, and nonsense is refused. */
class CompanySizesTest {

    @Test
    void shouldKeepHeadCountsWithoutSeparators() {
        assertEquals(Optional.of("500"), CompanySizes.normalize("500"));
        assertEquals(Optional.of("1200"), CompanySizes.normalize("1,200"));
    }

    @Test
    void shouldKeepBandsAndOpenEndedSizes() {
        assertEquals(Optional.of("201-500"), CompanySizes.normalize("201 – 500"));
        assertEquals(Optional.of("5000+"), CompanySizes.normalize("5,000+"));
    }

    @Test
    void shouldRefuseWhatIsNeitherANumberNorABand() {
        assertEquals(Optional.empty(), CompanySizes.normalize("lots"));
        assertEquals(Optional.empty(), CompanySizes.normalize("0"));
        assertEquals(Optional.empty(), CompanySizes.normalize("500-200"));
        assertEquals(Optional.empty(), CompanySizes.normalize("99999999999"));
    }
}
