package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Proves the company-size text capture writes is a head count or a band, without the separators people type, and nonsense is refused. */
class CompanySizeTextTest {

    @Test
    void shouldKeepHeadCountsWithoutSeparators() {
        assertEquals(Optional.of("500"), text("500"));
        assertEquals(Optional.of("1200"), text("1,200"));
    }

    @Test
    void shouldKeepBandsAndOpenEndedSizes() {
        assertEquals(Optional.of("201-500"), text("201 – 500"));
        assertEquals(Optional.of("5000+"), text("5,000+"));
    }

    @Test
    void shouldRefuseWhatIsNeitherANumberNorABand() {
        assertEquals(Optional.empty(), text("lots"));
        assertEquals(Optional.empty(), text("0"));
        assertEquals(Optional.empty(), text("500-200"));
        assertEquals(Optional.empty(), text("99999999999"));
    }

    private static Optional<String> text(String typed) {
        return CompanySize.parse(typed).map(CompanySize::text);
    }
}
