package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Proves the lead id is a standard UUID v5 of the normalized email, so other systems can compute it. */
class LeadIdsTest {

    @Test
    void shouldMatchTheRfc9562NameBasedSha1Example() {
        // RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"),
                LeadIds.nameBasedSha1(dns, "www.example.com"));
    }

    @Test
    void shouldGiveTheSameLeadForTheSameEmailWrittenDifferently() {
        assertEquals(LeadIds.fromEmail("ada@example.com"), LeadIds.fromEmail("  Ada@Example.COM "));
        assertNotEquals(LeadIds.fromEmail("ada@example.com"), LeadIds.fromEmail("bob@example.com"));
    }

    @Test
    void shouldBeVersion5UnderThePublishedNamespace() {
        UUID id = UUID.fromString(LeadIds.fromEmail("ada@example.com"));
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
        assertEquals(LeadIds.nameBasedSha1(LeadIds.NAMESPACE, "ada@example.com"), id);
    }
}
