package io.leadpipeline.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.RateLimit;
import io.leadpipeline.events.FormType;
import io.leadpipeline.service.rules.InvalidRulesException;
import io.leadpipeline.service.rules.RuleFiles;
import io.leadpipeline.service.rules.RuleProblem;
import io.leadpipeline.service.rules.RulesVersion;

/**
 * Proves capture.yaml loads through the rules kit: the shipped file unchanged, versioned by its hash, from the config
 * folder when it has one, with the documented defaults for what a file leaves out, and a bad document refused naming
 * the line and path of every problem.
 */
class CaptureRuleSetTest {

    private static final Path SHIPPED = Path.of("../config/capture.yaml");

    private static final String VALID_SITE = """
            rateLimits: {perClientIp: {requests: 10, per: 1m}, perApiKey: {requests: 100, per: 1s}}
            sites:
              - id: shop
                allowedOrigins: [https://shop.example]
                forms:
                  - {id: trial, type: TRIAL_SIGNUP, thankYouUrl: "https://shop.example/thanks"}
            """;

    @Test
    void shouldLoadTheShippedFileAsTheBuiltInSeed() throws IOException {
        CaptureRules rules = CaptureRuleSet.defaults();

        assertEquals(RulesVersion.of(Files.readAllBytes(SHIPPED)), rules.version(), "the built-in seed is config/capture.yaml");
        assertEquals(FormType.DEMO_REQUEST, rules.form("demo-request").orElseThrow().form().type());
        assertEquals(FormType.NEWSLETTER_SIGNUP, rules.form("newsletter").orElseThrow().form().type());
        assertEquals(FormType.CONTENT_DOWNLOAD, rules.form("ebook").orElseThrow().form().type());
        assertEquals("example-server", rules.apiKey("dev-only-example-server-key").orElseThrow().key().id());
        assertFalse(rules.form("demo-request").orElseThrow().site().storeClientIp(), "client IPs are not kept unless a site says so");
        assertTrue(rules.spam().junkReason("test@test.com").isPresent());
        assertTrue(rules.spam().junkReason("someone@mailinator.com").isPresent());
        assertEquals(new RateLimit(100, Duration.ofSeconds(10)), rules.perClientIp(), "per: 10s is the kit's duration syntax");
        assertEquals(new RateLimit(10000, Duration.ofSeconds(1)), rules.perApiKey());
        assertEquals(Duration.ofSeconds(10), rules.idempotency().doubleClickWindow());
        assertEquals(Duration.ofHours(24), rules.idempotency().keyRetention());
        assertTrue(rules.form("demo-request").orElseThrow().site().allowsOrigin("https://www.example.com"));
        assertTrue(rules.form("demo-request").orElseThrow().site().allowsRedirectTo("example.com"));
        assertEquals("http://localhost:8000/demo.html?failed=1",
                rules.form("demo-request").orElseThrow().form().errorUrl().orElseThrow().toString());
    }

    @Test
    void shouldSeedFromTheConfigFolderAndVersionAnEditAsANewVersion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("capture.yaml"), Files.readString(SHIPPED).replace("perClientIp: {requests: 100, per: 10s}",
                "perClientIp: {requests: 50, per: PT1M}"));

        CaptureRules rules = RuleFiles.compile(CaptureRuleSet.RULE_SET, RuleFiles.seed(Optional.of(dir), CaptureRuleSet.FILE_NAME));

        assertEquals(new RateLimit(50, Duration.ofMinutes(1)), rules.perClientIp(), "ISO-8601 durations are read too");
        assertNotEquals(CaptureRuleSet.defaults().version(), rules.version(), "an edit is a new rules version");
        assertEquals(CaptureRuleSet.defaults().version(), RuleFiles.compile(CaptureRuleSet.RULE_SET,
                RuleFiles.seed(Optional.of(dir.resolve("empty")), CaptureRuleSet.FILE_NAME)).version(),
                "a config folder without capture.yaml falls back to the shipped file");
    }

    @Test
    void shouldReadTheDefaultsForWhatTheFileLeavesOut() {
        CaptureRules rules = CaptureRuleSet.rules(VALID_SITE.getBytes(StandardCharsets.UTF_8), "test.yaml");

        assertEquals(Duration.ofSeconds(10), rules.idempotency().doubleClickWindow());
        assertEquals(Duration.ofHours(24), rules.idempotency().keyRetention());
        assertEquals("website", rules.form("trial").orElseThrow().site().honeypotField());
        assertEquals("shop", rules.form("trial").orElseThrow().site().name(), "a site without a name goes by its id");
        assertTrue(rules.form("trial").orElseThrow().site().allowsRedirectTo("shop.example"), "the site's own hosts are redirect targets");
        assertTrue(rules.form("trial").orElseThrow().form().errorUrl().isEmpty());
    }

    @Test
    void shouldNameAnUnknownEntryWithItsLineAndTheKnownOnes() {
        List<String> problems = problems("""
                rateLimits: {perClientIp: {requests: 10, per: 1m}, perApiKey: {requests: 100, per: 1s}}
                sites:
                  - id: shop
                    colour: blue
                    forms: []
                """);

        // The line is where Jackson noticed (it reads a record's entries before it binds them): the path names the entry.
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("line \\d+, sites\\[0\\]\\.colour: unknown entry 'colour' \\(known here: .*allowedOrigins.*\\)"),
                problems.toString());
    }

    @Test
    void shouldRefuseABadDurationNamingItsLine() throws IOException {
        List<String> problems = problems(Files.readString(SHIPPED).replace("keyRetention: 24h", "keyRetention: 1 day"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("line \\d+, idempotency\\.keyRetention: .*\"1 day\".*10s, 5m, 4h, 14d.*"), problems.toString());
        int line = lineOf(Files.readString(SHIPPED), "keyRetention: 24h");
        assertTrue(problems.get(0).startsWith("line " + line + ","), "the line of keyRetention (" + line + "): " + problems);
    }

    @Test
    void shouldNameEveryInvalidFieldTogetherWithItsLine() {
        List<String> problems = problems("""
                rateLimits: {perClientIp: {requests: 0, per: 1m}, perApiKey: {requests: 100, per: 0s}}
                sites:
                  - id: shop
                    allowedOrigins: [https://shop.example/path]
                    forms:
                      - {id: trial, type: TRIAL, thankYouUrl: "https://shop.example/thanks"}
                      - {id: "no spaces", type: TRIAL_SIGNUP}
                    apiKeys:
                      - {id: server, sha256: not-a-hash}
                """);

        assertEquals(List.of(
                "line 1, rateLimits.perApiKey.per: must be a positive duration like 500ms, 10s, 1m, 24h or 7d",
                "line 1, rateLimits.perClientIp.requests: must be a positive number",
                "line 4, sites[0].allowedOrigins[0]: is not an origin like https://www.example.com (scheme, host, optional port, no path)",
                "line 6, sites[0].forms[0].type: unknown form type, one of " + java.util.Arrays.toString(FormType.values()),
                "line 7, sites[0].forms[1].id: must be 1-100 letters, digits, '-', '_' or '.'",
                "line 7, sites[0].forms[1].thankYouUrl: is required",
                "line 9, sites[0].apiKeys[0].sha256: must be the 64 hex digits of the key's SHA-256 (printf %s \"$KEY\" | sha256sum)"),
                problems);
    }

    @Test
    void shouldNameEveryInconsistencyBetweenEntriesTogetherWithItsLine() {
        String key = "d64bc629dfceb3ca8bd9bc1de5253bac620844dd2efd533353b56b88be77ba62";
        List<String> problems = problems(VALID_SITE + """
                    apiKeys:
                      - {id: one, sha256: %s}
                  - id: other
                    forms:
                      - {id: trial, type: OTHER, thankYouUrl: "https://other.example/"}
                      - {id: webinar, type: webinar-registration, thankYouUrl: "/thanks", errorUrl: "mailto:x@other.example"}
                    apiKeys:
                      - {id: two, sha256: %s}
                  - id: shop
                """.formatted(key, key.toUpperCase()));

        assertEquals(List.of(
                "line 11, sites[1].forms[0].id: form 'trial' is already defined in sites[0] (form ids are unique across sites)",
                "line 12, sites[1].forms[1].errorUrl: 'mailto:x@other.example' is not an absolute http(s) URL",
                "line 12, sites[1].forms[1].thankYouUrl: '/thanks' is not an absolute http(s) URL",
                "line 14, sites[1].apiKeys[0].sha256: the same key is configured twice",
                "line 15, sites[2].id: site 'shop' is defined twice"), problems);
    }

    @Test
    void shouldNameAMissingSection() {
        List<String> problems = problems("""
                sites:
                  - id: shop
                    forms:
                      - {id: trial, type: TRIAL_SIGNUP, thankYouUrl: "https://shop.example/thanks"}
                """);

        assertEquals(List.of("rateLimits: is required (perClientIp and perApiKey)"), problems);
        assertEquals(List.of("sites: at least one site is required"), problems(VALID_SITE.substring(0, VALID_SITE.indexOf("sites:"))));
        assertEquals(List.of("line 1, rateLimits.perApiKey: is required, e.g. {requests: 60, per: 1m}"),
                problems(VALID_SITE.replace(", perApiKey: {requests: 100, per: 1s}", "")));
    }

    @Test
    void shouldNameTheFileOfABadSeed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("capture.yaml"), Files.readString(SHIPPED).replace("type: DEMO_REQUEST", "type: DEMO"));

        InvalidRulesException error = assertThrows(InvalidRulesException.class,
                () -> RuleFiles.compile(CaptureRuleSet.RULE_SET, RuleFiles.seed(Optional.of(dir), CaptureRuleSet.FILE_NAME)));

        assertTrue(error.getMessage().startsWith(dir.resolve("capture.yaml") + " is not valid"), error.getMessage());
        assertTrue(error.getMessage().contains("sites[0].forms[0].type: unknown form type"), error.getMessage());
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }

    private static List<String> problems(String yaml) {
        InvalidRulesException error = assertThrows(InvalidRulesException.class,
                () -> CaptureRuleSet.rules(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
        return error.problems().stream().map(RuleProblem::toString).toList();
    }
}
