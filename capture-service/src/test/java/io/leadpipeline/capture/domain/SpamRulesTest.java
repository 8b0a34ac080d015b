package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Proves configured junk addresses are refused with a reason, real ones are not, and a honeypot counts only when filled. */
class SpamRulesTest {

    private final SpamRules rules = new SpamRules("website", Set.of("mailinator.com", "test.com"), Set.of("asdf@asdf.com"));

    @Test
    void shouldRefuseDisposableDomainsAndTestAddresses() {
        assertTrue(rules.junkReason("Someone@Mailinator.com").isPresent());
        assertTrue(rules.junkReason("test@test.com").isPresent());
        assertTrue(rules.junkReason("asdf@asdf.com").isPresent());
        assertEquals(Optional.empty(), rules.junkReason("jane@acme.example"));
        assertEquals(Optional.empty(), rules.junkReason("jane@contest.com"), "only the exact domain, not a suffix");
    }

    @Test
    void shouldCountAHoneypotOnlyWhenSomethingIsInIt() {
        assertFalse(SpamRules.filled(null));
        assertFalse(SpamRules.filled("  "));
        assertTrue(SpamRules.filled("http://buy-now.example"));
    }

    @Test
    void shouldMaskAddressesForLogs() {
        assertEquals("j***@acme.example", Masking.email("jane.doe@acme.example"));
        assertEquals("***", Masking.email("garbage"));
    }
}
