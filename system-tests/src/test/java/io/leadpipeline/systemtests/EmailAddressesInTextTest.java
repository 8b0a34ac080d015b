package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EmailAddressesInTextTest {

    @Test
    void shouldFindAddressesPlainAndUrlEncodedButNotObjectHashes() {
        assertEquals(List.of("jane.doe@acme-robotics.example", "sam@gmail.com"),
                EmailAddressesInText.in("lead jane.doe@acme-robotics.example and io.Foo@1a2b3c, ?email=sam%40gmail.com&x=1"));
    }

    @Test
    void shouldReadAHugeBodyWithoutAnAddress() {
        assertEquals(List.of(), EmailAddressesInText.in("a".repeat(2_000_000) + "@" + "b".repeat(2_000_000)));
    }
}
