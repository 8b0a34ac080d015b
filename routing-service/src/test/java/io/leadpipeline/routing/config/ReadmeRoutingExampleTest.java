package io.leadpipeline.routing.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadpipeline.routing.domain.RoutingRules;

/** Proves the routing example in the README is a valid routing.yaml, so the docs cannot show a file that would not start. */
class ReadmeRoutingExampleTest {

    private static final String INTRODUCTION = "A routing example";

    @Test
    void shouldAcceptTheReadmesRoutingExample() throws IOException {
        RoutingRules rules = RoutingRuleSet.rules(readmeExample().getBytes(java.nio.charset.StandardCharsets.UTF_8), "README.md");

        assertEquals(Duration.ofHours(4), rules.sla());
        assertEquals(3, rules.maxAttempts());
        assertEquals("sales-managers", rules.escalationPool());
        assertEquals(List.of("enterprise", "catch-all"), rules.rules().stream().map(rule -> rule.id()).toList());
    }

    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int introduced = readme.indexOf(INTRODUCTION);
        int start = readme.indexOf("```yaml\n", introduced) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
