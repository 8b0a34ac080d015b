package io.leadpipeline.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** docker-compose's access script is the ACL table's, and the table keeps the single-writer rule. */
class KafkaAccessScriptTest {

    private static final Path SCRIPT = Path.of("..", "docker", "kafka-access.sh");

    @Test
    void shouldShipTheScriptGeneratedFromTheTable() throws Exception {
        assertEquals(KafkaAccessScript.script(), Files.readString(SCRIPT),
                "docker/kafka-access.sh is stale: regenerate it as KafkaAccessScript's comment says");
    }

    @Test
    void shouldBeAScriptTheShellCanParse() throws Exception {
        Process check = new ProcessBuilder("sh", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertEquals(0, check.waitFor(), output);
    }

    @Test
    void shouldGiveEveryTopicOneWriterAndTheReadOnlyPrincipalsNone() {
        Set<String> owned = new HashSet<>();
        for (KafkaAccess.Principal principal : KafkaAccess.PRINCIPALS) {
            for (String topic : principal.owns()) {
                assertTrue(owned.add(topic), topic + " has two owners");
            }
        }
        for (String readOnly : List.of(KafkaAccess.OPS_CONSOLE, KafkaAccess.OPERATOR)) {
            assertTrue(KafkaAccess.bindings().stream()
                    .filter(b -> b.entry().principal().equals("User:" + readOnly))
                    .noneMatch(b -> b.entry().operation().name().equals("WRITE")), readOnly + " writes nothing");
        }
    }
}
