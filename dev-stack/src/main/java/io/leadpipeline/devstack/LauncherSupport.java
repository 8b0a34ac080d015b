package io.leadpipeline.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for {@code ./pipeline}, in one JVM start:
 * {@code await <seconds> (port:N | http:URL)...} waits until every port accepts connections and every URL
 * answers 200, {@code registry-backward <baseUrl>} sets the registry's compatibility level to BACKWARD,
 * {@code kafka-credentials <dir>} generates the Kafka credentials that are missing, and
 * {@code kafka-access <bootstrap> <dir>} gives a secured broker its users and ACLs.
 */
public final class LauncherSupport {

    private LauncherSupport() {
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("await")) {
            System.exit(await(Duration.ofSeconds(Long.parseLong(args[1])), List.of(args).subList(2, args.length)) ? 0 : 1);
        } else if (args.length == 2 && args[0].equals("registry-backward")) {
            Probes.requireBackwardCompatibility(args[1]);
        } else if (args.length == 2 && args[0].equals("kafka-credentials")) {
            KafkaCredentials.in(java.nio.file.Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("kafka-access")) {
            KafkaAccessSetup.apply(args[1], KafkaCredentials.in(java.nio.file.Path.of(args[2])));
        } else {
            System.err.println("usage: LauncherSupport await <seconds> (port:N | http:URL)... | registry-backward <baseUrl>"
                    + " | kafka-credentials <dir> | kafka-access <bootstrap> <dir>");
            System.exit(2);
        }
    }

    static boolean await(Duration timeout, List<String> targets) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> pending = new ArrayList<>(targets);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            pending.removeIf(LauncherSupport::ready);
            if (!pending.isEmpty()) {
                ChildProcess.sleep(500);
            }
        }
        pending.forEach(target -> System.err.println("not ready within " + timeout.toSeconds() + " s: " + target));
        return pending.isEmpty();
    }

    private static boolean ready(String target) {
        if (target.startsWith("port:")) {
            return Probes.portOpen(Integer.parseInt(target.substring("port:".length())));
        }
        if (target.startsWith("http:")) {
            return Probes.httpOk(target.substring("http:".length()));
        }
        throw new IllegalArgumentException("Unknown target " + target + " (expected port:N or http:URL)");
    }
}
