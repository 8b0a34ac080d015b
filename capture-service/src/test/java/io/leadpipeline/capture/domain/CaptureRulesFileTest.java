package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.config.CaptureRulesFile;
import io.leadpipeline.capture.config.CaptureRulesFile.InvalidRulesException;
import io.leadpipeline.events.FormType;

/** Proves the shipped capture.yaml has the README's forms, and a bad file is refused naming its bad line or entry. */
class CaptureRulesFileTest {

    private static final String VALID_SITE = """
            rateLimits: {perClientIp: {requests: 10, per: 1m}, perApiKey: {requests: 100, per: 1s}}
            sites:
              - id: shop
                allowedOrigins: [https://shop.example]
                forms:
                  - {id: trial, type: TRIAL_SIGNUP, thankYouUrl: "https://shop.example/thanks"}
            """;

    @Test
    void shouldShipTheExampleSiteWithTheFormsTheReadmeUses() throws Exception {
        CaptureRules rules;
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("defaults/capture.yaml")) {
            rules = CaptureRulesFile.read(shipped, "shipped");
        }
        assertEquals(FormType.DEMO_REQUEST, rules.form("demo-request").orElseThrow().form().type());
        assertEquals(FormType.NEWSLETTER_SIGNUP, rules.form("newsletter").orElseThrow().form().type());
        assertEquals(FormType.CONTENT_DOWNLOAD, rules.form("ebook").orElseThrow().form().type());
        assertEquals("example-server", rules.apiKey("dev-only-example-server-key").orElseThrow().key().id());
        assertFalse(rules.form("demo-request").orElseThrow().site().storeClientIp(), "client IPs are not kept unless a site says so");
        assertTrue(rules.spam().junkReason("test@test.com").isPresent());
    }

    @Test
    void shouldReadDefaultsForWhatTheFileLeavesOut() {
        CaptureRules rules = read(VALID_SITE);
        assertEquals(Duration.ofSeconds(10), rules.idempotency().doubleClickWindow());
        assertEquals("website", rules.form("trial").orElseThrow().site().honeypotField());
        assertTrue(rules.form("trial").orElseThrow().site().allowsRedirectTo("shop.example"), "the site's own hosts are redirect targets");
        assertTrue(rules.form("trial").orElseThrow().form().errorUrl().isEmpty());
    }

    @Test
    void shouldNameTheLineOfAYamlError() {
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> read("""
                rateLimits: {perClientIp: {requests: 10, per: 1m}, perApiKey: {requests: 100, per: 1s}}
                sites:
                  - id: shop
                    colour: blue
                    forms: []
                """));
        assertTrue(e.getMessage().contains("line 4: sites[0].colour: unknown key 'colour'"), e.getMessage());
    }

    @Test
    void shouldNameEveryBadEntry() {
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> read("""
                rateLimits: {perClientIp: {requests: 10, per: 1 minute}, perApiKey: {requests: 100, per: 1s}}
                sites:
                  - id: shop
                    allowedOrigins: [https://shop.example/path]
                    forms:
                      - {id: trial, type: TRIAL, thankYouUrl: "https://shop.example/thanks"}
                      - {id: trial2, type: TRIAL_SIGNUP, thankYouUrl: "/thanks"}
                    apiKeys:
                      - {id: server, sha256: not-a-hash}
                  - id: other
                    forms:
                      - {id: trial2, type: OTHER, thankYouUrl: "https://other.example/"}
                """));
        String message = e.getMessage();
        assertTrue(message.contains("line 1: rateLimits.perClientIp.per: '1 minute'"), message);
        assertTrue(message.contains("line 4: sites[0].allowedOrigins[0]"), message);
        assertTrue(message.contains("line 6: sites[0].forms[0].type: unknown form type 'TRIAL'"), message);
        assertTrue(message.contains("line 7: sites[0].forms[1].thankYouUrl"), message);
        assertTrue(message.contains("line 9: sites[0].apiKeys[0].sha256"), message);
    }

    @Test
    void shouldRefuseAFormIdUsedByTwoSites() {
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> read(VALID_SITE + """
                  - id: other
                    forms:
                      - {id: trial, type: OTHER, thankYouUrl: "https://other.example/"}
                """));
        assertTrue(e.getMessage().contains("sites[1].forms[0].id: form 'trial' is already defined in sites[0]"), e.getMessage());
    }

    private static CaptureRules read(String yaml) {
        return CaptureRulesFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
