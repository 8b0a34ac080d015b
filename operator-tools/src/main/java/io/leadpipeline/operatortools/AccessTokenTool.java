package io.leadpipeline.operatortools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadpipeline.service.security.AccessKeys;
import io.leadpipeline.service.security.Roles;

/**
 * {@code ./pipeline token <role> [closer-id]}: prints a token for local use, signed with the pipeline's key
 * ({@code --keys <dir>}, generated there on first use). {@code --ttl} takes {@code 8h}, {@code 30m}, {@code 7d} or ISO
 * {@code PT8H}; {@code --subject} names the holder (the role, or the closer, by default). {@code --verify-key} only
 * makes sure the keys exist and prints the public key's path.
 */
public final class AccessTokenTool {

    private static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private AccessTokenTool() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.exit(2);
        }
    }

    static String run(String[] args) {
        List<String> words = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                flags.add(args[i]);
                if (!args[i].equals("--verify-key") && i + 1 < args.length) {
                    flags.add(args[++i]);
                }
            } else {
                words.add(args[i]);
            }
        }
        String[] positional = words.toArray(String[]::new);
        Map<String, String> options = Options.parse(flags.toArray(String[]::new));
        String keys = options.get("keys");
        if (keys == null) {
            throw new IllegalArgumentException("--keys <dir> is required");
        }
        AccessKeys access = AccessKeys.in(Path.of(keys));
        if (options.containsKey("verify-key")) {
            return access.verifyKey().toAbsolutePath().toString();
        }
        if (positional.length < 1 || positional.length > 2) {
            throw new IllegalArgumentException("usage: token <role> [closer-id] [--ttl 8h] [--subject name]; roles: " + Roles.ALL);
        }
        Optional<String> closerId = positional.length == 2 ? Optional.of(positional[1]) : Optional.empty();
        String subject = options.getOrDefault("subject", closerId.orElse(positional[0]));
        return access.mint(positional[0], closerId, subject, ttl(options.get("ttl")));
    }

    static Duration ttl(String text) {
        if (text == null) {
            return DEFAULT_TTL;
        }
        try {
            if (text.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
                return Duration.parse(text);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--ttl takes 30m, 8h, 7d or an ISO duration such as PT8H, got '" + text + "'");
        }
    }
}
