package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the crash run's search for personal data in logs finds a person however a line writes them, and only them. */
class PersonalDataInLogsTest {

    private static final ChaosLead.PersonalData AVA = new ChaosLead.PersonalData("ava.k1x7@northwind-1x7.example", "Stonek1x7",
            "+1 555 001 00007");
    private final PersonalDataInLogs search = new PersonalDataInLogs(List.of(AVA));

    @Test
    void shouldFindTheAddressTheNameAndThePhoneWrittenAnyWay() {
        assertTrue(search.namesSomeone("Refused junk address Ava.K1x7@Northwind-1x7.example."));
        assertTrue(search.namesSomeone("profile {lastName=STONEK1X7}"));
        assertTrue(search.namesSomeone("calling 1-555-001-00007 now"));
        assertTrue(search.namesSomeone("phone=(1) 555.001.00007"));
    }

    @Test
    void shouldNotTakeMaskedOrOtherPeoplesDataForTheirs() {
        assertFalse(search.namesSomeone("Refused junk address a***@northwind-1x7.example for form demo-request"));
        assertFalse(search.namesSomeone("Stone Stonek1x70 ava.k1x70@northwind-1x7.example +1 555 001 00070"));
        assertFalse(search.namesSomeone("Record lead.conversions-1@48 could not be deserialized; took 1555 ms"));
    }

    @Test
    void shouldCountTheLinesPerLogFile(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("capture-service-1.log"), "started\nposted by ava.k1x7@northwind-1x7.example\nok\n");
        Files.writeString(logs.resolve("routing-service-1.log"), "handed off lead 5e3c to closer-chen\n");

        assertEquals(Map.of("capture-service-1.log", 1), search.linesNamingSomeone(logs));
    }
}
