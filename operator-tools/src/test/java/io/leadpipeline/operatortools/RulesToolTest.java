package io.leadpipeline.operatortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Proves the rules tool finds a file's rule set by its name and refuses what it cannot send before signing anything. */
class RulesToolTest {

    @Test
    void shouldTakeTheRuleSetFromTheFileNameOrFromRuleSet() {
        assertEquals("scoring", RulesTool.ruleSetOf(Path.of("config/scoring.yaml"), Optional.empty()));
        assertEquals("routing", RulesTool.ruleSetOf(Path.of("/tmp/Routing.yml"), Optional.empty()));
        assertEquals("nurture", RulesTool.ruleSetOf(Path.of("draft-tracks.yaml"), Optional.of("nurture")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RulesTool.ruleSetOf(Path.of("draft.yaml"), Optional.empty()));
        assertTrue(unknown.getMessage().contains("--rule-set"), unknown.getMessage());
        assertEquals("qualification", RulesTool.OWNERS.get("scoring"));
    }

    @Test
    void shouldRefuseAMissingFileAndAnUnknownCommand() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RulesTool.run(new String[] {"apply", "no/such/scoring.yaml", "--keys", "unused"}, out));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RulesTool.run(new String[] {"publish", "x"}, out));
        assertThrows(IllegalArgumentException.class, () -> RulesTool.run(new String[] {}, out));
    }
}
