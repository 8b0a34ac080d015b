package io.leadpipeline.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule files a benchmark pipeline reads: the shipped {@code config/} unchanged (scoring, nurture, sites and forms),
 * except two things a benchmark must not measure. Every closer works around the clock with the same capacity, so what
 * routing does, and when closers are full, does not depend on the hour the run starts; and the per-API-key limit of
 * capture.yaml (10,000 requests/s) is lifted, so the load generator measures capture and not its limiter. The edits are
 * made on the text (a YAML round trip would turn Norway's {@code NO} into {@code false}), and fail when the shipped
 * files no longer have the lines they change.
 */
final class BenchConfig {

    /** Far above any load the benchmark offers. */
    private static final int UNLIMITED_REQUESTS_PER_SECOND = 10_000_000;
    private static final Pattern WORKING_HOURS = Pattern.compile("(?m)^(\\s+workingHours:).*$");
    private static final Pattern CAPACITY = Pattern.compile("(?m)^(\\s+capacity:)\\s*\\d+\\s*$");
    private static final Pattern INACTIVE = Pattern.compile("(?m)^(\\s+active:)\\s*false\\s*$");
    private static final Pattern PER_API_KEY = Pattern.compile("(?m)^(\\s+perApiKey:\\s*\\{requests:)\\s*\\d+(,.*)$");

    private BenchConfig() {
    }

    /** Writes the files to {@code dir} with every closer on duty around the clock and holding up to {@code closerCapacity}. */
    static Path write(Path shipped, Path dir, int closerCapacity) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String routing = Files.readString(shipped.resolve("routing.yaml"));
        routing = replace(WORKING_HOURS, routing, "$1 always");
        routing = replace(CAPACITY, routing, "$1 " + closerCapacity);
        routing = INACTIVE.matcher(routing).replaceAll("$1 true");
        Files.writeString(dir.resolve("routing.yaml"), routing);
        String capture = Files.readString(shipped.resolve("capture.yaml"));
        Files.writeString(dir.resolve("capture.yaml"), replace(PER_API_KEY, capture, "$1 " + UNLIMITED_REQUESTS_PER_SECOND + "$2"));
        return dir;
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the shipped rules have no line matching " + pattern + ": update BenchConfig");
        }
        return matcher.replaceAll(replacement);
    }
}
