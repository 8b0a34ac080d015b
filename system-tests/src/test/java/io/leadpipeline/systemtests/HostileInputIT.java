package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.systemtests.HostileRequests.Expectation;
import io.leadpipeline.systemtests.HostileRequests.HostileRequest;
import io.leadpipeline.systemtests.HostileRequests.Transport;
import io.leadpipeline.service.security.Roles;

/**
 * Proves that a seeded sample of malformed and hostile HTTP requests at every endpoint of every service and the ops
 * console is refused with a 4xx (problem+json from JSON endpoints, a redirect or small HTML page for browser form
 * posts), never a 5xx or a stack trace, writes nothing to Kafka, and leaves every service ready.
 */
@ExtendWith(SharedPipeline.class)
class HostileInputIT {

    private static final int REQUESTS = Integer.getInteger("hostile.requests", 600);
    private static final long SEED = Long.getLong("hostile.seed", 20_261_201L);
    /** The topics the HTTP endpoints write to: capture's two, and routing's commands. */
    private static final List<String> WRITTEN_BY_HTTP = List.of("lead.conversions", "lead.engagements", "lead.closer-availability",
            "lead.handoff-responses");
    /** What a body must never show: a stack frame, an exception or an internal class or package. */
    private static final List<String> LEAKS = List.of("at io.", "at java.", "at org.", "Exception", "java.", "javax.", "io.leadpipeline",
            "org.jboss", "io.quarkus", "io.vertx", "io.netty", "com.fasterxml", "org.apache", "StreamReadConstraints");
    /** A tag the payloads carry, unescaped in an HTML page (the pages have none of their own). */
    private static final Pattern UNESCAPED_MARKUP = Pattern.compile("<(script|img|svg|iframe)\\b", Pattern.CASE_INSENSITIVE);
    private static final Duration ANSWER = Duration.ofSeconds(25);
    private static final Duration SLOW_WAIT = Duration.ofMillis(1_500);
    private static final int MAX_BODY = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningPipeline pipeline;
    private static String adminAuthorization;
    private static String opsAuthorization;

    @BeforeAll
    static void startPipeline(RunningPipeline shared) throws Exception {
        pipeline = shared;
        adminAuthorization = shared.authorization(Roles.ADMIN);
        opsAuthorization = shared.authorization(Roles.OPS);
    }


    @Test
    void shouldRefuseEveryHostileRequestCleanlyWriteNothingAndStayReady() throws Exception {
        Map<String, Long> offsetsBefore = endOffsets();
        HostileRequests generator = new HostileRequests(SEED);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        List<Answer> answers = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ExecutorService slowWorkers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                HostileRequest request = generator.request(i);
                pending.add((request.transport() == Transport.SLOW_BODY ? slowWorkers : workers).submit(() -> send(http, request)));
            }
            for (Future<Answer> answer : pending) {
                answers.add(answer.get(5, TimeUnit.MINUTES));
            }
        } finally {
            workers.shutdownNow();
            slowWorkers.shutdownNow();
        }

        List<String> failures = new ArrayList<>();
        answers.forEach(answer -> failures.addAll(problems(answer)));
        for (String service : services()) {
            if (!ready(service)) {
                failures.add("readiness: " + service + " does not answer /q/health/ready with 200 after the run");
            }
        }
        Map<String, Long> offsetsAfter = endOffsets();
        for (String topic : WRITTEN_BY_HTTP) {
            long written = offsetsAfter.getOrDefault(topic, 0L) - offsetsBefore.getOrDefault(topic, 0L);
            if (written != 0) {
                failures.add("kafka: " + written + " record(s) written to " + topic + ", though every request was refused");
            }
        }

        printCounts(answers);
        if (!failures.isEmpty()) {
            Map<String, Long> byWhy = failures.stream().collect(Collectors.groupingBy(HostileInputIT::why, TreeMap::new, Collectors.counting()));
            fail(failures.size() + " problem(s) in " + REQUESTS + " hostile requests (seed " + SEED + "):\n"
                    + byWhy.entrySet().stream().map(e -> "  " + e.getValue() + " × " + e.getKey()).collect(Collectors.joining("\n"))
                    + "\nfirst ones:\n  " + String.join("\n  ", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    // ---- sending ---------------------------------------------------------------------------------------------------

    /** What came back: a response, or a connection the server closed or left silent. */
    private record Answer(HostileRequest request, int status, Map<String, List<String>> headers, String body, String outcome) {

        static Answer of(HostileRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            return new Answer(request, status, headers, new String(body, 0, Math.min(body.length, MAX_BODY), StandardCharsets.UTF_8),
                    Integer.toString(status));
        }

        static Answer without(HostileRequest request, String outcome) {
            return new Answer(request, -1, Map.of(), "", outcome);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }
    }

    private static Answer send(HttpClient http, HostileRequest request) {
        try {
            return switch (request.transport()) {
                case HTTP_CLIENT -> viaHttpClient(http, request);
                case RAW_SOCKET -> viaSocket(request, false);
                case SLOW_BODY -> viaSocket(request, true);
            };
        } catch (IOException e) {
            return Answer.without(request, "closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.without(request, "interrupted");
        }
    }

    private static Answer viaHttpClient(HttpClient http, HostileRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(pipeline.url(request.service(), request.target())))
                .timeout(ANSWER)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        if (!request.service().equals(RunningPipeline.SERVICES.get(0))
                && request.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("Authorization"))) {
            // Past the door: hostile input must meet the endpoint's own checks, not only the token check (capture is
            // public). The console with the role it is for.
            builder.header("Authorization", request.service().equals(RunningPipeline.OPS_CONSOLE) ? opsAuthorization
                    : adminAuthorization);
        }
        // A pooled connection the server closed after refusing an earlier request (431, 413) fails the next one sent
        // on it: that request is sent again, until it goes out on a live connection.
        for (int attempt = 1; ; attempt++) {
            Future<HttpResponse<byte[]>> response = http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            try {
                HttpResponse<byte[]> answer = response.get(ANSWER.toSeconds() + 5, TimeUnit.SECONDS);
                return Answer.of(request, answer.statusCode(), answer.headers().map(), answer.body());
            } catch (TimeoutException e) {
                response.cancel(true);
                return Answer.without(request, "no complete answer in " + ANSWER.toSeconds() + " s");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                    return Answer.without(request, "no complete answer in " + ANSWER.toSeconds() + " s");
                }
                if (attempt == 3) {
                    return Answer.without(request, "closed");
                }
            }
        }
    }

    /** Writes the bytes as they are (a slow body: half of it, in pieces, then waits briefly) and reads what comes back. */
    private static Answer viaSocket(HostileRequest request, boolean slow) throws IOException, InterruptedException {
        URI base = URI.create(pipeline.url(request.service(), ""));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout((int) (slow ? SLOW_WAIT : ANSWER).toMillis());
            OutputStream out = socket.getOutputStream();
            byte[] wire = request.wire();
            try {
                if (slow) {
                    int bodyStart = indexOf(wire, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) + 4;
                    out.write(wire, 0, bodyStart);
                    int half = (wire.length - bodyStart) / 2;
                    int piece = Math.max(1, half / 6);
                    for (int sent = 0; sent < half; sent += piece) {
                        out.write(wire, bodyStart + sent, Math.min(piece, half - sent));
                        out.flush();
                        Thread.sleep(120);
                    }
                } else {
                    out.write(wire);
                    out.flush();
                }
            } catch (IOException refusedWhileWriting) {
                // The server may answer and close before it has read everything (413, 431): read what it said.
            }
            return readResponse(request, socket.getInputStream(), slow);
        }
    }

    private static Answer readResponse(HostileRequest request, InputStream in, boolean slow) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            int headEnd = -1;
            long contentLength = -1;
            while (received.size() < MAX_BODY) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                byte[] sofar = received.toByteArray();
                if (headEnd < 0 && (headEnd = indexOf(sofar, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))) >= 0) {
                    String length = rawHeaders(new String(sofar, 0, headEnd, StandardCharsets.ISO_8859_1)).entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase("content-length")).map(e -> e.getValue().get(0)).findFirst().orElse(null);
                    contentLength = length == null ? -1 : Long.parseLong(length.trim());
                }
                if (headEnd >= 0 && contentLength >= 0 && sofar.length >= headEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            if (received.size() == 0) {
                return Answer.without(request, slow ? "slow: no answer, timed out" : "no answer in " + ANSWER.toSeconds() + " s");
            }
        } catch (IOException e) {
            if (received.size() == 0) {
                return Answer.without(request, slow ? "slow: closed" : "closed");
            }
        }
        byte[] bytes = received.toByteArray();
        if (bytes.length == 0) {
            return Answer.without(request, slow ? "slow: closed" : "closed");
        }
        int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        String head = new String(bytes, 0, headEnd < 0 ? bytes.length : headEnd, StandardCharsets.ISO_8859_1);
        String[] statusLine = head.split("\r\n", 2)[0].split(" ");
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        byte[] body = headEnd < 0 ? new byte[0] : Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        return Answer.of(request, status, rawHeaders(head), body);
    }

    private static Map<String, List<String>> rawHeaders(String head) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static int indexOf(byte[] bytes, byte[] marker) {
        outer:
        for (int i = 0; i <= bytes.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- judging ---------------------------------------------------------------------------------------------------

    /** Everything wrong with one answer, each as "why | request | status". */
    private static List<String> problems(Answer answer) {
        HostileRequest request = answer.request();
        List<String> problems = new ArrayList<>();
        if (answer.status() < 0) {
            boolean mayGoSilent = request.transport() == Transport.SLOW_BODY
                    || (request.expectation() == Expectation.ANY_REFUSAL && answer.outcome().equals("closed"));
            if (!mayGoSilent) {
                problems.add(line("no answer (" + answer.outcome() + ")", answer));
            }
            return problems;
        }
        int status = answer.status();
        String type = contentType(answer);
        // An error body names the field that is wrong, never what was sent in it: no email address of the request comes back.
        String sent = request.target() + " " + (request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8));
        for (String address : EmailAddressesInText.in(sent)) {
            if (answer.body().contains(address)) {
                problems.add(line("the answer repeats an email address the request carried", answer));
                break;
            }
        }
        boolean formRedirect = status == 303 && (request.expectation() == Expectation.BROWSER_FORM || request.expectation() == Expectation.SCRIPT_FORM);
        if (status >= 500) {
            problems.add(line("5xx", answer));
        } else if (formRedirect) {
            String location = answer.header("Location");
            if (location == null || !location.contains("errors=")) {
                problems.add(line("303 not to the form's error page (Location " + location + ")", answer));
            }
        } else if (status < 400) {
            problems.add(line("not refused", answer));
        } else {
            switch (request.expectation()) {
                case PROBLEM_JSON -> checkProblem(answer, type, problems);
                case BROWSER_FORM -> {
                    if (!type.equals("text/html")) {
                        problems.add(line("browser form post answered " + (type.isEmpty() ? "without a body type" : type) + ", not a redirect or HTML page", answer));
                    }
                }
                case SCRIPT_FORM -> checkProblem(answer, type, problems);
                case ANY_REFUSAL -> {
                    // refused before any endpoint: any 4xx will do
                }
            }
        }
        for (String leak : LEAKS) {
            if (answer.body().contains(leak)) {
                problems.add(line("body shows '" + leak + "'", answer));
                break;
            }
        }
        if (type.equals("text/html") && UNESCAPED_MARKUP.matcher(answer.body()).find()) {
            problems.add(line("HTML page reflects markup unescaped", answer));
        }
        if (answer.header("X-Injected") != null) {
            problems.add(line("a request value became a response header", answer));
        }
        return problems;
    }

    private static void checkProblem(Answer answer, String type, List<String> problems) {
        if (!type.equals("application/problem+json")) {
            problems.add(line("error not problem+json (" + (type.isEmpty() ? "no Content-Type" : type) + ")", answer));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status() || problem.path("title").asText().isBlank()) {
                problems.add(line("problem+json without its status and title", answer));
            }
        } catch (IOException e) {
            problems.add(line("problem+json body is not JSON", answer));
        }
    }

    private static String contentType(Answer answer) {
        String type = answer.header("Content-Type");
        return type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String line(String why, Answer answer) {
        String body = answer.body().isEmpty() ? "" : " body: " + HostileRequests.abbreviate(answer.body(), 160);
        return why + " | " + answer.request().describe() + " | " + answer.outcome() + body;
    }

    private static String why(String failure) {
        int bar = failure.indexOf(" | ");
        if (bar < 0) {
            return failure;
        }
        String rest = failure.substring(bar + 3);
        String endpoint = rest.substring(rest.indexOf("→ ") + 2, rest.indexOf(" ("));
        return failure.substring(0, bar) + " ← " + endpoint;
    }

    private static void printCounts(List<Answer> answers) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        answers.forEach(answer -> counts.computeIfAbsent(answer.request().service(), s -> new TreeMap<>())
                .merge(answer.outcome(), 1, Integer::sum));
        StringBuilder table = new StringBuilder("Hostile requests: " + answers.size() + " (seed " + SEED + ")\n");
        counts.forEach((service, byOutcome) -> table.append(String.format("  %-22s %5d  %s%n", service,
                byOutcome.values().stream().mapToInt(Integer::intValue).sum(),
                byOutcome.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", ")))));
        Map<String, Integer> byKind = new TreeMap<>();
        answers.forEach(answer -> byKind.merge(answer.request().kind(), 1, Integer::sum));
        table.append("  by kind: ").append(byKind.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", ")));
        System.out.println(table);
    }

    // ---- the pipeline afterwards -----------------------------------------------------------------------------------

    private static List<String> services() {
        List<String> all = new ArrayList<>(RunningPipeline.SERVICES);
        all.add(RunningPipeline.OPS_CONSOLE);
        return Collections.unmodifiableList(all);
    }

    private static boolean ready(String service) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(pipeline.url(service, "/q/health/ready")))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // retried below
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** The sum of the end offsets of each topic's partitions. */
    private static Map<String, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            List<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(WRITTEN_BY_HTTP::contains).toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(existing).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) -> description.partitions()
                    .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<String, Long> sums = new TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> sums.merge(partition.topic(), info.offset(), Long::sum));
            return sums;
        }
    }
}
