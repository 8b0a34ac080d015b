package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves the pipeline's one company-size rule: the employees each way people write a size stands for, and what is no size. */
class CompanySizeTest {

    @ParameterizedTest(name = "\"{0}\" is {1} employees, written {2}")
    @CsvSource(delimiter = '|', value = {
            "500         | 500     | 500",
            "1,000       | 1000    | 1000",
            "1,200       | 1200    | 1200",
            "1.200       | 1200    | 1200",
            "1 200       | 1200    | 1200",
            "10k         | 10000   | 10000",
            "10K         | 10000   | 10000",
            "10 k        | 10000   | 10000",
            "1.5k        | 1500    | 1500",
            "2,5k        | 2500    | 2500",
            "51-200      | 51      | 51-200",
            "201 – 500   | 201     | 201-500",
            "1,001-5,000 | 1001    | 1001-5000",
            "1k-5k       | 1000    | 1000-5000",
            "500+        | 500     | 500+",
            "5,000+      | 5000    | 5000+",
            "10k+        | 10000   | 10000+",
            "' 42 '      | 42      | 42",
            "10000000    | 10000000 | 10000000"})
    void shouldReadTheEmployeesASizeStandsFor(String given, int employees, String written) {
        CompanySize size = CompanySize.parse(given).orElseThrow();

        assertEquals(employees, size.employees());
        assertEquals(written, size.text());
    }

    @Test
    void shouldKeepABandsUpperBoundAndMarkOpenEndedSizes() {
        assertEquals(Optional.of(new CompanySize(51, 200, false)), CompanySize.parse("51-200"));
        assertEquals(Optional.of(new CompanySize(500, null, true)), CompanySize.parse("500+"));
        assertEquals(Optional.of(new CompanySize(10000, null, false)), CompanySize.parse("10k"));
    }

    @ParameterizedTest(name = "\"{0}\" is no company size")
    @ValueSource(strings = {"lots", "a few", "about 500", "500 employees", "0", "0k", "-5", "500-200", "10k-1k",
            "99999999999", "10000001", "10001k", "1.200k", "1,2", "k", "", "  "})
    void shouldReadNothingFromWhatIsNoCompanySize(String given) {
        assertEquals(Optional.empty(), CompanySize.parse(given));
    }

    @Test
    void shouldReadNothingFromNoText() {
        assertEquals(Optional.empty(), CompanySize.parse(null));
    }

    @Test
    void shouldPreferTheRecordedEmployeesAndReadTheTextOfOlderRecords() {
        assertEquals(Optional.of(10000), CompanySize.employees(10000, "10k"), "a record capture wrote with employees");
        assertEquals(Optional.of(10000), CompanySize.employees(null, "10k"), "a record written before employees existed");
        assertEquals(Optional.of(201), CompanySize.employees(null, "201-500"));
        assertEquals(Optional.empty(), CompanySize.employees(null, "lots"));
        assertEquals(Optional.empty(), CompanySize.employees(null, null));
    }

    @Test
    void shouldRefuseToBuildASizeOutsideTheRule() {
        assertThrows(IllegalArgumentException.class, () -> new CompanySize(0, null, false));
        assertThrows(IllegalArgumentException.class, () -> new CompanySize(500, 200, false));
        assertThrows(IllegalArgumentException.class, () -> new CompanySize(500, 1000, true));
    }
}
