package io.leadpipeline.operatortools;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.service.security.AccessKeys;
import io.leadpipeline.service.security.Roles;

/**
 * {@code ./pipeline rules}: applies a rules file to the service that owns its rule set ({@code PUT /v1/rules/{set}}),
 * shows a rule set's version and history, lists them all, and backtests a scoring file; signed in as admin with a
 * short-lived token from the pipeline's key ({@code --keys}). The rule set comes from the file name
 * (capture.yaml, scoring.yaml, routing.yaml, nurture.yaml) unless {@code --rule-set} names it.
 */
public final class RulesTool {

    /** Rule set → the service (its {@code --<service>} URL option) that owns it. */
    static final Map<String, String> OWNERS = ordered("capture", "capture", "scoring", "qualification", "routing", "routing",
            "nurture", "nurture");
    private static final Duration TOKEN_TTL = Duration.ofMinutes(10);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final Duration BACKTEST_ANSWER = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RulesTool(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("rules: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("rules: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    static final String USAGE = "usage: rules apply <file> [--dry-run] [--if-version VERSION] [--rule-set NAME] [--author NAME] | rules show <rule-set> "
            + "[--document] | rules list | rules backtest <scoring file> [--changed N]";

    /** @return the exit code: 0 done, 1 refused or failed */
    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                flags.add(args[i]);
                if (i + 1 < args.length && !args[i + 1].startsWith("--") && !List.of("--dry-run", "--document").contains(args[i])) {
                    flags.add(args[++i]);
                }
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        RulesTool tool = new RulesTool(Options.parse(flags.toArray(String[]::new)), out);
        return switch (words.get(0)) {
            case "apply" -> tool.apply(argument(words, "apply <file>"));
            case "show" -> tool.show(argument(words, "show <rule-set>"));
            case "list" -> tool.list();
            case "backtest" -> tool.backtest(argument(words, "backtest <scoring file>"));
            default -> throw new IllegalArgumentException(USAGE);
        };
    }

    private static String argument(List<String> words, String usage) {
        if (words.size() != 2) {
            throw new IllegalArgumentException("usage: rules " + usage);
        }
        return words.get(1);
    }

    /** The rule set a file holds: --rule-set, else its name without .yaml (scoring.yaml is scoring). */
    static String ruleSetOf(Path file, Optional<String> named) {
        String name = named.orElseGet(() -> file.getFileName().toString().replaceFirst("\\.ya?ml$", "").toLowerCase(Locale.ROOT));
        if (!OWNERS.containsKey(name)) {
            throw new IllegalArgumentException("'" + file.getFileName() + "' is not one of " + OWNERS.keySet().stream().map(s -> s + ".yaml")
                    .toList() + "; name the rule set with --rule-set");
        }
        return name;
    }

    int apply(String fileName) throws IOException, InterruptedException {
        Path file = readable(fileName);
        String ruleSet = ruleSetOf(file, Optional.ofNullable(options.get("rule-set")));
        boolean dryRun = options.containsKey("dry-run");
        HttpRequest.Builder put = HttpRequest.newBuilder(uri(ruleSet, "/v1/rules/" + ruleSet + (dryRun ? "?dryRun=true" : "")))
                .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofFile(file)).timeout(ANSWER);
        // Only over that version: the service refuses (412) if someone published another since it was read.
        Optional.ofNullable(options.get("if-version")).ifPresent(expected -> put.header("If-Match", "\"" + expected + "\""));
        HttpResponse<String> response = send(put);
        JsonNode body = json(response);
        if (response.statusCode() == 422) {
            return refused(file, body);
        }
        if (response.statusCode() == 412) {
            out.printf("%s: %s%n", ruleSet, body.path("detail").asText("changed since that version"));
            return 1;
        }
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            return failed(response, body);
        }
        String version = body.path("version").asText();
        String previous = body.path("previousVersion").asText();
        if (!body.path("changed").asBoolean()) {
            out.printf("%s: %s is already the current version; nothing changed%n", ruleSet, version);
            return 0;
        }
        if (dryRun) {
            out.printf("%s: %s is valid and would replace %s (dry run: nothing published); to publish it over exactly that "
                    + "version: ./pipeline rules apply %s --if-version %s%n", ruleSet, version, previous, fileName, previous);
        } else if (response.statusCode() == 202) {
            out.printf("%s: %s published (was %s); the instance that took it has not applied it yet: check with "
                    + "./pipeline rules show %s%n", ruleSet, version, previous, ruleSet);
        } else {
            out.printf("%s: %s applied (was %s); every instance of %s-service follows within seconds, no restart%n", ruleSet, version,
                    previous, OWNERS.get(ruleSet));
        }
        body.path("changes").forEach(change -> out.println("  " + change.asText()));
        return 0;
    }

    private int refused(Path file, JsonNode problem) {
        out.printf("%s: %s%n", file, problem.path("detail").asText("not valid"));
        // As a compiler prints errors: file, line, then the path and what is wrong.
        problem.path("errors").forEach(error -> {
            String message = error.path("message").asText();
            String line = message.startsWith("line ") ? message.substring(5, message.indexOf(':')) : null;
            String text = line == null ? message : message.substring(message.indexOf(':') + 2);
            out.printf("  %s%s: %s: %s%n", file, line == null ? "" : ":" + line, error.path("field").asText(), text);
        });
        return 1;
    }

    int show(String ruleSet) throws IOException, InterruptedException {
        if (!OWNERS.containsKey(ruleSet)) {
            throw new IllegalArgumentException("no rule set '" + ruleSet + "': one of " + OWNERS.keySet());
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(ruleSet, "/v1/rules/" + ruleSet)).GET().timeout(ANSWER));
        JsonNode body = json(response);
        if (response.statusCode() != 200) {
            return failed(response, body);
        }
        out.printf("%s (%s on %s-service): %s, published %s by %s%n", ruleSet, body.path("file").asText(), OWNERS.get(ruleSet),
                body.path("version").asText(), body.path("publishedAt").asText(), body.path("author").asText());
        body.path("changes").forEach(change -> out.println("  " + change.asText()));
        out.println("editors: " + String.join(", ", strings(body.path("editors"))));
        out.println("history (newest first):");
        body.path("history").forEach(entry -> {
            out.printf("  %s  %s  %s%n", entry.path("version").asText(), entry.path("publishedAt").asText(), entry.path("author").asText());
            entry.path("changes").forEach(change -> out.println("      " + change.asText()));
        });
        if (options.containsKey("document")) {
            out.println("---");
            out.print(body.path("document").asText());
        }
        return 0;
    }

    int list() throws IOException, InterruptedException {
        int exit = 0;
        for (Map.Entry<String, String> owner : OWNERS.entrySet()) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(owner.getKey(), "/v1/rules/" + owner.getKey())).GET()
                    .timeout(ANSWER));
            JsonNode body = json(response);
            if (response.statusCode() == 200) {
                out.printf("%-8s %-22s %-14s %s by %s%n", owner.getKey(), owner.getValue() + "-service", body.path("version").asText(),
                        body.path("publishedAt").asText(), body.path("author").asText());
            } else {
                out.printf("%-8s %-22s unavailable (%d)%n", owner.getKey(), owner.getValue() + "-service", response.statusCode());
                exit = 1;
            }
        }
        return exit;
    }

    int backtest(String fileName) throws IOException, InterruptedException {
        Path file = readable(fileName);
        String changed = options.getOrDefault("changed", "20");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("scoring", "/v1/scoring/backtest?changedLeads=" + changed))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(BACKTEST_ANSWER));
        JsonNode body = json(response);
        if (response.statusCode() == 422) {
            return refused(file, body);
        }
        if (response.statusCode() != 200) {
            return failed(response, body);
        }
        JsonNode report = body.path("report");
        out.printf("Backtest of %s (%s) against the live scoring (%s): %d records replayed, %d leads, %d ms; nothing published%n",
                file, report.path("candidateVersion").asText(), report.path("currentVersion").asText(), body.path("recordsRead").asLong(),
                report.path("leads").asInt(), body.path("millis").asLong());
        out.printf("%-10s %10s %10s%n", "stage", "current", "candidate");
        for (String stage : List.of("SQL", "MQL", "REJECTED", "NONE")) {
            int now = report.path("currentStages").path(stage).asInt(0);
            int then = report.path("candidateStages").path(stage).asInt(0);
            if (now != 0 || then != 0) {
                out.printf("%-10s %10d %10d%n", stage, now, then);
            }
        }
        out.printf("%-10s %10s %10s%n", "grade", "current", "candidate");
        for (String grade : List.of("A", "B", "C", "D")) {
            out.printf("%-10s %10d %10d%n", grade, report.path("currentGrades").path(grade).asInt(0),
                    report.path("candidateGrades").path(grade).asInt(0));
        }
        out.println("moves (current -> candidate):");
        report.path("transitions").fields().forEachRemaining(from -> from.getValue().fields().forEachRemaining(to -> {
            if (!from.getKey().equals(to.getKey())) {
                out.printf("  %s -> %s: %d%n", from.getKey(), to.getKey(), to.getValue().asInt());
            }
        }));
        JsonNode outcomes = report.path("outcomes");
        out.printf("closers accepted %d leads: the candidate still makes %d of them SQL%n", outcomes.path("accepted").asInt(),
                outcomes.path("acceptedStillSql").asInt());
        out.printf("closers rejected %d as NOT_A_FIT: the candidate keeps %d of them out of SQL%n", outcomes.path("rejectedNotAFit").asInt(),
                outcomes.path("rejectedNotAFitKeptOut").asInt());
        out.printf("%d leads change stage or grade%s%n", report.path("changedLeads").asInt(),
                report.path("changedLeads").asInt() > report.path("changed").size() ? " (the " + report.path("changed").size()
                        + " with the biggest score change listed)" : "");
        report.path("changed").forEach(lead -> out.printf("  %s  %s/%s -> %s/%s  score %d -> %d  %s%n", lead.path("leadId").asText(),
                lead.path("currentStage").asText(), lead.path("currentGrade").asText(), lead.path("candidateStage").asText(),
                lead.path("candidateGrade").asText(), lead.path("currentScore").asInt(), lead.path("candidateScore").asInt(),
                lead.path("differingRules")));
        return 0;
    }

    private static Path readable(String fileName) {
        Path file = Path.of(fileName);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + fileName);
        }
        return file;
    }

    private int failed(HttpResponse<String> response, JsonNode body) {
        out.printf("%s answered %d: %s%n", response.uri(), response.statusCode(), body.path("detail").asText(response.body()));
        return 1;
    }

    private URI uri(String ruleSet, String path) {
        String service = OWNERS.get(ruleSet);
        String base = options.get(service);
        if (base == null) {
            throw new IllegalArgumentException("--" + service + " <url> is required");
        }
        return URI.create(base.replaceFirst("/$", "") + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String keys = options.get("keys");
        if (keys == null) {
            throw new IllegalArgumentException("--keys <dir> is required");
        }
        String author = options.getOrDefault("author", System.getProperty("user.name", "operator"));
        String token = AccessKeys.in(Path.of(keys)).mint(Roles.ADMIN, Optional.empty(), author, TOKEN_TTL);
        try {
            return http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach " + request.build().uri() + " (is the pipeline up? ./pipeline up -d)", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
