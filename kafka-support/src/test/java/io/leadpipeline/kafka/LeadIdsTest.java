package io.leadpipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void shouldKeepThePublishedNamespaceSoOtherSystemsComputeTheSameIds() {
        // Python: uuid.uuid5(uuid.UUID("a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a"), "jane.doe@acme-robotics.example")
        assertEquals("7372ec3c-3198-5627-954c-3cdd6b1ae3bb", LeadIds.fromEmail("Jane.Doe@acme-robotics.example"));
    }

    @Test
    void shouldRecognizeLeadIdsAndNothingElse() {
        assertTrue(LeadIds.isLeadId("7372ec3c-3198-5627-954c-3cdd6b1ae3bb"));
        assertFalse(LeadIds.isLeadId("jane.doe@acme-robotics.example"));
        assertFalse(LeadIds.isLeadId("7372ec3c 3198 5627 954c 3cdd6b1ae3bb"));
        assertFalse(LeadIds.isLeadId(null));
    }

    @Test
    void shouldBeVersion5UnderThePublishedNamespace() {
        UUID id = UUID.fromString(LeadIds.fromEmail("ada@example.com"));
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
        assertEquals(LeadIds.nameBasedSha1(LeadIds.NAMESPACE, "ada@example.com"), id);
    }
}
