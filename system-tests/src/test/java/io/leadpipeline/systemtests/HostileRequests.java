package io.leadpipeline.systemtests;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A reproducible stream of malformed or hostile requests at every endpoint of the pipeline, built so that none is a
 * request a service may accept: each carries at least one defect its endpoint must refuse (an unknown form or handoff,
 * an invalid email, engagement type or window, a body that is not JSON, a wrong method...), so nothing may reach Kafka.
 * Request {@code i} depends only on the seed and {@code i}.
 */
final class HostileRequests {

    static final String SERVER_KEY = "dev-only-example-server-key";
    static final String SITE_ORIGIN = "http://localhost:8000";
    static final String CAPTURE = "capture-service";
    static final String QUALIFICATION = "qualification-service";
    static final String ROUTING = "routing-service";
    static final String NURTURE = "nurture-service";
    static final String CONSOLE = RunningPipeline.OPS_CONSOLE;

    /** How a request travels: java.net.http, a raw socket (for what java.net.http refuses to send), or a body sent slowly that stops half-way. */
    enum Transport { HTTP_CLIENT, RAW_SOCKET, SLOW_BODY }

    /** What a refusal must look like. */
    enum Expectation {
        /** a 4xx with an application/problem+json body: the request reached a JSON endpoint */
        PROBLEM_JSON,
        /** a browser's form post: 303 to the form's error page, or a 4xx small HTML page */
        BROWSER_FORM,
        /** a script's form post (no text/html in Accept): 303 to the form's error page, or a 4xx problem+json */
        SCRIPT_FORM,
        /** refused before any endpoint (broken HTTP, a path that leaves the API, oversized head): any 4xx or a closed connection */
        ANY_REFUSAL
    }

    record Header(String name, String value) {
    }

    /**
     * One request. For {@link Transport#HTTP_CLIENT} {@code method}, {@code target} (path and query, already encoded),
     * {@code headers} and {@code body} are sent; for the socket transports {@code wire} is written as it is.
     */
    record HostileRequest(int index, String kind, String service, String endpoint, String method, String target,
            List<Header> headers, byte[] body, byte[] wire, Transport transport, Expectation expectation) {

        String describe() {
            return "#" + index + " " + kind + " → " + service + " " + endpoint + " (" + method + " " + abbreviate(target, 120) + ")";
        }
    }

    /** Script, SQL and template injections, traversal, unicode edge cases and control characters; none is an email address, id or enum value. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)",
            "' OR 1=1--", "'; DROP TABLE leads;--", "1' UNION SELECT password FROM users--", "\" OR \"\"=\"",
            "{{7*7}}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "${jndi:ldap://x}", "${jndi:ldap://127.0.0.1:1389/a}",
            "{{constructor.constructor('return process')()}}", "${T(Runtime).getRuntime().exec('id')}",
            "../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f", "..\\..\\windows\\win.ini", "%00",
            "/etc/passwd%00.html", "%252e%252e%252f", "\u0000", "a\u0000b", "\uD800", "\uDFFF", "x\uDBFFy",
            "\u202Eevil\u202C", "\u200B\u200D\uFEFF", "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "e\u0301\u0301\u0301\u0301\u0301", "\uFFFF\uFFFE", "\u2028\u2029", "\u0001\u0002\u0007\b\u001B[31m",
            "\r\nX-Injected: 1", "%0d%0aX-Injected:%201", "\t\t", "  ", "\uFF1Cscript\uFF1E", "\u13AAdmin", "%s%s%s%n",
            "\\u0000", "null", "true", "-1", "1e309", "NaN", "[]", "{}", "__proto__", "constructor");

    /** Payloads that stay non-blank however a reader trims them: as an enum value they are always refused, never read as absent. */
    private static final List<String> WORDS = PAYLOADS.stream().filter(p -> !p.isBlank() && !p.trim().isEmpty()).toList();

    /** Not one of these is a valid address: a space, no @, nothing before or after it, a bad character or length. */
    private static final List<String> INVALID_EMAILS = List.of(
            "<script>alert(1)</script>", "' OR 1=1--", "${jndi:ldap://x}", "jane doe@example.com", "jane@exa mple.com",
            "@example.com", "jane@", "jane@@example.com", "<jane>@example.com", "jane@example", "jane\u0000@example.com",
            "jane@example.com\r\nBcc: x@example.com", "\u202Ejane@example.com", "j\u00e4ne@example.com\u0000",
            "a".repeat(300) + "@example.com", "jane@" + "b".repeat(300) + ".com", "jane@../../etc/passwd", "{{7*7}}",
            "jane@example.com' OR 1=1--", "jane@example.com<script>");

    private static final List<String> FORMS = List.of("demo-request", "newsletter", "ebook");
    private static final List<String> CLOSERS = List.of("closer-ava", "closer-ben", "closer-chen", "closer-dana", "closer-eli", "closer-farah");
    private static final Set<String> WINDOWS = Set.of("1h", "24h", "7d", "all");
    private static final List<String> BAD_ESCAPES = List.of("%zz", "%", "%g0", "%ED%A0%80", "%C0%AF", "%FF%FE", "%00", "%u002e", "%%32%65");
    private static final List<String> WRONG_METHODS = List.of("PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FOO");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream", "image/png", "garbage",
            ";;;", "application/json; charset=bogus", "application/json; charset=utf-16", "application/jsonx",
            "*/*", "application/*");
    private static final List<String> WRONG_ACCEPTS = List.of("application/xml", "text/csv", "image/png", "application/x-does-not-exist");

    private enum Shape {
        CONVERSIONS, ENGAGEMENTS, FORMS, PREFLIGHT, SCORING_PREVIEW, LEAD_BY_ID, LEAD_BY_EMAIL, HANDOFF_GET,
        HANDOFF_ACCEPT, HANDOFF_REJECT, CLOSER_AVAILABILITY, ENROLLMENTS, TIMELINE, WINDOWED, STREAM, PLAIN_GET,
        CONSOLE_PAGE, MANAGEMENT
    }

    /** An endpoint of the README's table: {@code path} with {@code {id}} where an id goes. */
    private record Endpoint(String service, String method, String path, Shape shape, int weight) {

        String label() {
            return method + " " + path;
        }

        boolean hasBody() {
            return switch (shape) {
                case CONVERSIONS, ENGAGEMENTS, FORMS, SCORING_PREVIEW, HANDOFF_REJECT, CLOSER_AVAILABILITY -> true;
                default -> false;
            };
        }

        boolean json() {
            return shape != Shape.CONSOLE_PAGE && shape != Shape.MANAGEMENT;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(CAPTURE, "POST", "/v1/conversions", Shape.CONVERSIONS, 12),
            new Endpoint(CAPTURE, "POST", "/v1/forms/{id}", Shape.FORMS, 12),
            new Endpoint(CAPTURE, "POST", "/v1/engagements", Shape.ENGAGEMENTS, 7),
            new Endpoint(CAPTURE, "OPTIONS", "/v1/conversions", Shape.PREFLIGHT, 1),
            new Endpoint(CAPTURE, "OPTIONS", "/v1/forms/{id}", Shape.PREFLIGHT, 1),
            new Endpoint(CAPTURE, "GET", "/q/openapi", Shape.MANAGEMENT, 1),
            new Endpoint(QUALIFICATION, "GET", "/v1/leads/{id}", Shape.LEAD_BY_ID, 3),
            new Endpoint(QUALIFICATION, "GET", "/v1/leads", Shape.LEAD_BY_EMAIL, 3),
            new Endpoint(QUALIFICATION, "POST", "/v1/scoring/preview", Shape.SCORING_PREVIEW, 6),
            new Endpoint(ROUTING, "GET", "/v1/handoffs/{id}", Shape.HANDOFF_GET, 2),
            new Endpoint(ROUTING, "POST", "/v1/handoffs/{id}/accept", Shape.HANDOFF_ACCEPT, 2),
            new Endpoint(ROUTING, "POST", "/v1/handoffs/{id}/reject", Shape.HANDOFF_REJECT, 4),
            new Endpoint(ROUTING, "GET", "/v1/closers", Shape.PLAIN_GET, 1),
            new Endpoint(ROUTING, "PUT", "/v1/closers/{id}/availability", Shape.CLOSER_AVAILABILITY, 4),
            new Endpoint(ROUTING, "GET", "/v1/pools", Shape.PLAIN_GET, 1),
            new Endpoint(NURTURE, "GET", "/v1/leads/{id}/enrollments", Shape.ENROLLMENTS, 3),
            new Endpoint(NURTURE, "GET", "/v1/tracks", Shape.PLAIN_GET, 1),
            new Endpoint(CONSOLE, "GET", "/", Shape.CONSOLE_PAGE, 1),
            new Endpoint(CONSOLE, "GET", "/api/funnel", Shape.WINDOWED, 1),
            new Endpoint(CONSOLE, "GET", "/api/health", Shape.WINDOWED, 1),
            new Endpoint(CONSOLE, "GET", "/api/overview", Shape.WINDOWED, 1),
            new Endpoint(CONSOLE, "GET", "/api/closers", Shape.PLAIN_GET, 1),
            new Endpoint(CONSOLE, "GET", "/api/leads/{id}/timeline", Shape.TIMELINE, 3),
            new Endpoint(CONSOLE, "GET", "/api/stream", Shape.STREAM, 1),
            new Endpoint(CAPTURE, "GET", "/q/health/ready", Shape.MANAGEMENT, 1),
            new Endpoint(QUALIFICATION, "GET", "/q/health/ready", Shape.MANAGEMENT, 1),
            new Endpoint(ROUTING, "GET", "/q/health/live", Shape.MANAGEMENT, 1),
            new Endpoint(NURTURE, "GET", "/q/metrics", Shape.MANAGEMENT, 1),
            new Endpoint(CONSOLE, "GET", "/q/health/ready", Shape.MANAGEMENT, 1));

    private static final int TOTAL_WEIGHT = ENDPOINTS.stream().mapToInt(Endpoint::weight).sum();

    private final long seed;

    HostileRequests(long seed) {
        this.seed = seed;
    }

    /** Request {@code index}: the same for the same seed, whichever thread asks. */
    HostileRequest request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        int pick = random.nextInt(TOTAL_WEIGHT);
        Endpoint endpoint = null;
        for (Endpoint candidate : ENDPOINTS) {
            pick -= candidate.weight();
            if (pick < 0) {
                endpoint = candidate;
                break;
            }
        }
        return new Builder(index, endpoint, random).build();
    }

    /** Builds one request for one endpoint: first the family of defect, then its details. */
    private static final class Builder {

        private final int index;
        private final Endpoint endpoint;
        private final Random random;
        private String kind;
        private String method;
        private String target;
        private final List<Header> headers = new ArrayList<>();
        private byte[] body;
        private byte[] wire;
        private Transport transport = Transport.HTTP_CLIENT;
        private Expectation expectation;

        Builder(int index, Endpoint endpoint, Random random) {
            this.index = index;
            this.endpoint = endpoint;
            this.random = random;
            this.method = endpoint.method();
            this.expectation = endpoint.json() ? Expectation.PROBLEM_JSON : Expectation.ANY_REFUSAL;
        }

        HostileRequest build() {
            int roll = random.nextInt(100);
            if (endpoint.shape() == Shape.MANAGEMENT) {
                // Quarkus' management routes answer any method and any Accept: only the HTTP layer can refuse here.
                protocolDefect();
            } else if (roll < 8) {
                protocolDefect();
            } else if (roll < 13) {
                duplicateHeaders();
            } else if (roll < 16 && endpoint.hasBody()) {
                slowBody();
            } else if (roll < 24) {
                wrongMethod();
            } else if (roll < 28 && endpoint.shape() != Shape.CONSOLE_PAGE && endpoint.shape() != Shape.PREFLIGHT) {
                wrongAccept();
            } else if (roll < 31) {
                oversizedHead();
            } else {
                shapeDefect();
            }
            if (target == null) {
                target = path(hostileIdForPath());
            }
            if (!validUri(target)) {
                // A malformed percent escape, a raw space or bracket: Quarkus refuses such a target before routing.
                expectation = Expectation.ANY_REFUSAL;
            }
            if (transport == Transport.HTTP_CLIENT && !sendable()) {
                toRawSocket();
            }
            return new HostileRequest(index, kind, endpoint.service(), endpoint.label(), method, target, List.copyOf(headers),
                    body, wire, transport, expectation);
        }

        /** Whether java.net.http can send it: a valid URI and header values of visible ASCII. */
        private boolean sendable() {
            return validUri(target) && headers.stream().allMatch(h -> h.value().chars().allMatch(c -> c >= 0x20 && c < 0x7f));
        }

        /** The same request, written to a socket as it is. */
        private void toRawSocket() {
            transport = Transport.RAW_SOCKET;
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            wire = concat((head + "\r\n").getBytes(StandardCharsets.UTF_8), body == null ? new byte[0] : body);
        }

        // ---- families that fit every endpoint -------------------------------------------------------------------

        /**
         * Broken HTTP the server must refuse before routing: raw bytes java.net.http would never send. The method is a
         * wrong one too, so a server lenient about the defect still refuses (except the management routes, which take
         * any method: only defects every HTTP parser refuses are sent there).
         */
        private void protocolDefect() {
            transport = Transport.RAW_SOCKET;
            expectation = Expectation.ANY_REFUSAL;
            String path = path(validLookingId());
            String verb = endpoint.shape() == Shape.MANAGEMENT ? "POST" : pick(WRONG_METHODS);
            String request = switch (random.nextInt(9)) {
                case 0 -> { kind = "http: garbage request line"; yield "GARBAGE\r\n\r\n"; }
                case 1 -> { kind = "http: bare LF line endings"; yield verb + " " + path + " HTTP/1.1\nHost: x\nConnection: close\n\n"; }
                case 2 -> { kind = "http: NUL in a header"; yield verb + " " + path + " HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n"; }
                case 3 -> { kind = "http: space before the colon"; yield verb + " " + path + " HTTP/1.1\r\nHost: x\r\nX-A : b\r\nConnection: close\r\n\r\n"; }
                case 4 -> { kind = "http: no Host on HTTP/1.1"; yield verb + " " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n"; }
                case 5 -> { kind = "http: space in the request target"; yield verb + " " + path + " x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"; }
                case 6 -> { kind = "http: bad chunk size"; yield "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"; }
                case 7 -> { kind = "http: non-numeric Content-Length"; yield "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1e3\r\nConnection: close\r\n\r\n{}"; }
                default -> { kind = "http: negative Content-Length"; yield "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\nConnection: close\r\n\r\n{}"; }
            };
            method = request.startsWith("GARBAGE") ? "GARBAGE" : request.substring(0, request.indexOf(' '));
            target = path;
            wire = request.getBytes(StandardCharsets.ISO_8859_1);
        }

        /** Two Content-Type, two Content-Length, Content-Length with Transfer-Encoding, two Authorization, odd bytes in header values. */
        private void duplicateHeaders() {
            transport = Transport.RAW_SOCKET;
            Poisoned poisoned = endpoint.hasBody() ? poisonedBody() : new Poisoned("{}".getBytes(StandardCharsets.UTF_8), "application/json");
            if (target == null) {
                target = path(hostileIdForPath());
            }
            byte[] payload = poisoned.body();
            String contentType = poisoned.contentType();
            StringBuilder head = new StringBuilder("Host: x\r\nConnection: close\r\n").append(keyAndOrigin());
            boolean framing = false;
            switch (random.nextInt(6)) {
                case 0 -> {
                    kind = "headers: two different Content-Length";
                    framing = true;
                    head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(payload.length)
                            .append("\r\nContent-Length: ").append(payload.length / 2).append("\r\n");
                }
                case 1 -> {
                    kind = "headers: two equal Content-Length";
                    framing = true;
                    head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(payload.length)
                            .append("\r\nContent-Length: ").append(payload.length).append("\r\n");
                }
                case 2 -> {
                    kind = "headers: Content-Length and Transfer-Encoding (smuggling)";
                    framing = true;
                    payload = ("0\r\n\r\nPOST /v1/conversions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\nTransfer-Encoding: chunked\r\n");
                }
                case 3 -> {
                    kind = "headers: two Content-Type";
                    String other = pick(List.of("text/plain", "application/xml", "application/json"));
                    head.append(random.nextBoolean() ? "Content-Type: " + contentType + "\r\nContent-Type: " + other + "\r\n"
                            : "Content-Type: " + other + "\r\nContent-Type: " + contentType + "\r\n");
                    head.append("Content-Length: ").append(payload.length).append("\r\n");
                }
                case 4 -> {
                    kind = "headers: two Authorization";
                    head.append("Authorization: Bearer ").append(SERVER_KEY).append("\r\nAuthorization: Bearer ")
                            .append(pick(WORDS).replaceAll("[^\\x21-\\x7e]", "")).append("x\r\n")
                            .append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(payload.length).append("\r\n");
                }
                default -> {
                    String value = pick(List.of("\u00ff\u00fe", "caf\u00c3\u00a9", "\u00e2\u0080\u00ae".repeat(50), "\u0007bell", "\u007f"));
                    kind = "headers: header values with " + (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f) ? "control" : "non-ASCII") + " bytes";
                    framing = value.chars().anyMatch(c -> c < 0x20 || c == 0x7f); // a control character is broken HTTP
                    head.append("X-Note: ").append(value).append("\r\nUser-Agent: ").append(value).append("\r\n")
                            .append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(payload.length).append("\r\n");
                }
            }
            String verb = endpoint.method();
            if (framing || escapes(target)) {
                expectation = Expectation.ANY_REFUSAL;
            } else if (endpoint.shape() == Shape.FORMS) {
                expectation = Expectation.SCRIPT_FORM;
            }
            if (!endpoint.hasBody() && !refusedByTarget()) {
                // The defect is in the headers only: a wrong method makes sure the request is still one to refuse.
                verb = pick(WRONG_METHODS);
            }
            method = verb;
            wire = concat((verb + " " + target + " HTTP/1.1\r\n" + head + "\r\n").getBytes(StandardCharsets.ISO_8859_1), payload);
        }

        /** Whether the target alone makes a body-less request one to refuse: an id that names nothing, no email. */
        private boolean refusedByTarget() {
            return switch (endpoint.shape()) {
                case LEAD_BY_ID, ENROLLMENTS, HANDOFF_GET, HANDOFF_ACCEPT, TIMELINE, LEAD_BY_EMAIL -> true;
                default -> false;
            };
        }

        /** Half a body sent slowly, then nothing: the server must not hold up anything but that connection. */
        private void slowBody() {
            transport = Transport.SLOW_BODY;
            expectation = Expectation.ANY_REFUSAL;
            Poisoned poisoned = poisonedBody();
            kind = "slow: half a body, then silence";
            if (target == null) {
                target = path(hostileIdForPath());
            }
            String head = endpoint.method() + " " + target + " HTTP/1.1\r\nHost: x\r\n" + keyAndOrigin()
                    + "Content-Type: " + poisoned.contentType() + "\r\nContent-Length: " + (poisoned.body().length + 100) + "\r\n\r\n";
            wire = concat(head.getBytes(StandardCharsets.ISO_8859_1), poisoned.body());
        }

        private void wrongMethod() {
            kind = "method: wrong method";
            List<String> methods = new ArrayList<>(WRONG_METHODS);
            if (endpoint.shape() != Shape.PREFLIGHT && !endpoint.method().equals("GET")) {
                methods.add("GET");
            }
            if (endpoint.method().equals("GET") && endpoint.shape() != Shape.CONSOLE_PAGE) {
                methods.add("POST");
            }
            methods.remove(endpoint.method());
            method = pick(methods);
            target = path(endpoint.path().contains("{id}") ? validLookingId() : null);
            headers.add(new Header("Content-Type", "application/json"));
            body = "{}".getBytes(StandardCharsets.UTF_8);
            key();
        }

        private void wrongAccept() {
            String accept = pick(WRONG_ACCEPTS);
            headers.add(new Header("Accept", accept));
            if (endpoint.hasBody()) {
                Poisoned poisoned = poisonedBody();
                headers.add(new Header("Content-Type", poisoned.contentType()));
                body = poisoned.body();
                key();
                if (endpoint.shape() == Shape.FORMS) {
                    expectation = Expectation.SCRIPT_FORM;
                }
            }
            if (endpoint.shape() == Shape.WINDOWED || endpoint.shape() == Shape.STREAM) {
                target = endpoint.path() + "?window=" + encode(hostileWindow());
            }
            kind = "accept: a media type the endpoint does not produce";
        }

        /** A head larger than the server reads (20 KiB): one huge header, thousands of small ones, or a 10 KB path. */
        private void oversizedHead() {
            if (endpoint.hasBody()) {
                Poisoned poisoned = poisonedBody();
                headers.add(new Header("Content-Type", poisoned.contentType()));
                body = poisoned.body();
                key();
            }
            expectation = Expectation.ANY_REFUSAL;
            switch (random.nextInt(3)) {
                case 0 -> {
                    kind = "head: one 40 KB header";
                    headers.add(new Header("X-Filler", "a".repeat(40_000)));
                }
                case 1 -> {
                    kind = "head: 3,000 headers";
                    for (int i = 0; i < 3_000; i++) {
                        headers.add(new Header("X-H" + i, "v" + i));
                    }
                }
                default -> {
                    kind = "head: a 10 KB request target";
                    target = path(endpoint.path().contains("{id}") ? "i".repeat(10_000) : null) + "?q=" + "q".repeat(10_000);
                }
            }
        }

        // ---- families for one kind of endpoint -------------------------------------------------------------------

        private void shapeDefect() {
            switch (endpoint.shape()) {
                case CONVERSIONS, ENGAGEMENTS, SCORING_PREVIEW, HANDOFF_REJECT, CLOSER_AVAILABILITY -> jsonBody();
                case FORMS -> formPost();
                case PREFLIGHT -> preflight();
                case LEAD_BY_EMAIL -> leadByEmail();
                case WINDOWED, STREAM -> window();
                case LEAD_BY_ID, ENROLLMENTS, HANDOFF_GET, HANDOFF_ACCEPT, TIMELINE -> oddId();
                case PLAIN_GET, CONSOLE_PAGE, MANAGEMENT -> wrongMethod();
            }
        }

        private void jsonBody() {
            Poisoned poisoned = poisonedBody();
            headers.add(new Header("Content-Type", poisoned.contentType()));
            body = poisoned.body();
            key();
            if (random.nextInt(6) == 0) {
                hostileHeaders();
            }
            if (endpoint.shape() == Shape.CONVERSIONS && random.nextInt(8) == 0) {
                headers.add(new Header("Idempotency-Key", pick(List.of("{{7*7}}", "' OR 1=1--", "${jndi:ldap://x}", "k".repeat(300), "a b", "%00"))));
            }
        }

        private void formPost() {
            boolean browser = random.nextInt(4) != 0;
            headers.add(new Header("Accept", browser ? "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" : "application/json"));
            expectation = browser ? Expectation.BROWSER_FORM : Expectation.SCRIPT_FORM;
            Poisoned poisoned = poisonedBody();
            headers.add(new Header("Content-Type", poisoned.contentType()));
            body = poisoned.body();
            if (random.nextInt(10) == 0) {
                headers.add(new Header("Origin", SITE_ORIGIN)); // a browser without a key: limited per client IP
            } else {
                key();
            }
            if (!poisoned.contentType().startsWith("application/x-www-form-urlencoded") && !poisoned.contentType().startsWith("multipart/form-data")
                    || target.substring("/v1/forms/".length()).contains("/")) {
                expectation = Expectation.PROBLEM_JSON; // not a form post, or not to a form's URL (more path segments)
            }
            if (escapes(target)) {
                expectation = Expectation.ANY_REFUSAL;
            }
        }

        private void preflight() {
            kind = "cors: preflight from an origin no site allows";
            String origin = pick(List.of("null", "http://evil.example", "http://localhost:8000.evil.example", "http://localhost:8001",
                    "https://example.com", "http://www.example.com", "file://", "<script>", "http://localhost:8000/../x", "*"));
            headers.add(new Header("Origin", origin));
            headers.add(new Header("Access-Control-Request-Method", pick(List.of("POST", "DELETE", "<script>"))));
            headers.add(new Header("Access-Control-Request-Headers", pick(List.of("Content-Type", "X-Injected, Authorization", "{{7*7}}"))));
            if (endpoint.path().contains("{id}")) {
                target = path(random.nextBoolean() ? pick(FORMS) : hostileIdForPath());
                if (escapes(target)) {
                    expectation = Expectation.ANY_REFUSAL;
                }
            }
        }

        private void leadByEmail() {
            switch (random.nextInt(5)) {
                case 0 -> {
                    kind = "query: no email";
                    target = endpoint.path() + pick(List.of("", "?", "?email", "?email=", "?email=%20%20", "?mail=jane@example.com"));
                }
                case 1 -> {
                    kind = "query: malformed percent escapes";
                    target = endpoint.path() + "?email=" + pick(BAD_ESCAPES) + "jane@example.com";
                }
                case 2 -> {
                    kind = "query: hostile email, never seen";
                    target = endpoint.path() + "?email=" + encode(pick(PAYLOADS) + "@" + UUID.randomUUID() + ".example");
                }
                case 3 -> {
                    kind = "query: repeated and odd parameters";
                    target = endpoint.path() + "?email=" + encode(pick(INVALID_EMAILS)) + "&email=" + encode(pick(PAYLOADS)) + "&" + encode(pick(PAYLOADS)) + "=1";
                }
                default -> {
                    kind = "query: a 2,000-character email";
                    target = endpoint.path() + "?email=" + "x".repeat(2_000) + "%40" + UUID.randomUUID() + ".example";
                }
            }
        }

        private void window() {
            kind = "query: unknown window";
            String window = hostileWindow();
            target = endpoint.path() + "?window=" + (random.nextInt(4) == 0 ? pick(BAD_ESCAPES) : "") + encode(window);
        }

        private void oddId() {
            kind = "path: odd id";
            String id = hostileIdForPath();
            target = path(id);
            if (endpoint.shape() == Shape.HANDOFF_ACCEPT) {
                headers.add(new Header("Content-Type", pick(WRONG_CONTENT_TYPES)));
                body = pick(PAYLOADS).getBytes(StandardCharsets.UTF_8);
            }
            if (escapes(target)) {
                expectation = Expectation.ANY_REFUSAL;
            }
        }

        // ---- bodies ------------------------------------------------------------------------------------------------

        private record Poisoned(byte[] body, String contentType) {
        }

        /** A body this endpoint must refuse, with its content type. Sets {@link #kind} and, where an id goes, {@link #target}. */
        private Poisoned poisonedBody() {
            return switch (endpoint.shape()) {
                case FORMS -> formBody();
                case CONVERSIONS -> jsonDefect(this::conversion);
                case ENGAGEMENTS -> jsonDefect(this::engagement);
                case SCORING_PREVIEW -> jsonDefect(this::preview);
                case HANDOFF_REJECT -> {
                    target = path(hostileIdForPath()); // no handoff exists, so every reject is refused whatever its body
                    yield jsonDefect(this::rejection);
                }
                case CLOSER_AVAILABILITY -> {
                    boolean known = random.nextBoolean();
                    target = path(known ? pick(CLOSERS) : hostileIdForPath());
                    yield known ? jsonDefect(this::availabilityDefect, false) : jsonDefect(this::availability);
                }
                default -> new Poisoned(pick(PAYLOADS).getBytes(StandardCharsets.UTF_8), "application/json");
            };
        }

        private Poisoned jsonDefect(Supplier<String> document) {
            return jsonDefect(document, true);
        }

        /**
         * One JSON defect. {@code document.get()} is a poisoned but well-formed document for the endpoint; the
         * other defects (broken, deep, huge, invalid UTF-8, wrong content type) are refused whatever the document says,
         * except where {@code anyDefect} is false (the document must carry its own poison there).
         */
        private Poisoned jsonDefect(Supplier<String> document, boolean anyDefect) {
            int roll = random.nextInt(anyDefect ? 9 : 6);
            String json = "application/json";
            return switch (roll) {
                case 0 -> {
                    kind = "json: hostile values";
                    yield new Poisoned(utf8(document.get()), json);
                }
                case 1 -> {
                    kind = "json: wrong types";
                    yield new Poisoned(utf8(wrongTypes()), json);
                }
                case 2 -> {
                    kind = "json: broken";
                    yield new Poisoned(utf8(brokenJson()), json);
                }
                case 3 -> {
                    kind = "json: 10,000 levels deep";
                    yield new Poisoned(utf8(deepJson(10_000)), json);
                }
                case 4 -> {
                    kind = "json: invalid UTF-8 bytes";
                    yield new Poisoned(invalidUtf8(document.get()), json);
                }
                case 5 -> {
                    kind = "json: poisoned document, unicode edge cases";
                    yield new Poisoned(utf8(document.get().replace("\"x\"", json(pick(PAYLOADS)))), json);
                }
                case 6 -> {
                    kind = "json: huge";
                    yield new Poisoned(utf8(hugeJson()), json);
                }
                case 7 -> {
                    kind = "content-type: wrong or broken";
                    yield new Poisoned(utf8(document.get()), pick(WRONG_CONTENT_TYPES));
                }
                default -> {
                    kind = "json: empty or blank body";
                    yield new Poisoned(utf8(pick(List.of("", " ", "\r\n", "null", "\"\"", "0"))), json);
                }
            };
        }

        private String conversion() {
            String form = pick(FORMS);
            String email = "jane.doe@acme-robotics.example";
            String formType = "DEMO_REQUEST";
            StringBuilder extra = new StringBuilder();
            switch (random.nextInt(6)) {
                case 0 -> form = hostileFormId();
                case 1 -> email = pick(INVALID_EMAILS);
                case 2 -> formType = pick(WORDS);
                case 3 -> {
                    extra.append(",\"fields\":{");
                    for (int i = 0; i < 51 + random.nextInt(200); i++) {
                        extra.append(i == 0 ? "" : ",").append(json("f" + i)).append(':').append(json(pick(PAYLOADS)));
                    }
                    extra.append('}');
                }
                case 4 -> extra.append(",\"fields\":{").append(json("n".repeat(65) + pick(PAYLOADS))).append(":\"x\"}");
                default -> email = null;
            }
            return "{" + (email == null ? "" : "\"email\":" + json(email) + ",") + "\"formId\":" + json(form)
                    + ",\"formType\":" + json(formType) + ",\"firstName\":" + json(pick(PAYLOADS)) + ",\"lastName\":\"x\""
                    + ",\"company\":" + json(pick(PAYLOADS)) + ",\"jobTitle\":" + json(pick(PAYLOADS))
                    + ",\"pageUrl\":" + json("https://www.example.com/" + pick(PAYLOADS)) + ",\"referrer\":" + json(pick(PAYLOADS))
                    + ",\"utm\":{\"source\":" + json(pick(PAYLOADS)) + ",\"campaign\":" + json(pick(PAYLOADS)) + "}"
                    + ",\"consent\":{\"marketing\":true,\"text\":" + json(pick(PAYLOADS)) + "}" + extra + "}";
        }

        private String engagement() {
            // No type, or one that is none of EngagementType's: every engagement here is refused.
            String type = random.nextInt(5) == 0 ? "" : ",\"type\":" + json(pick(PAYLOADS));
            String who = random.nextBoolean() ? "\"email\":\"jane.doe@acme-robotics.example\"" : "\"leadId\":" + json(UUID.randomUUID().toString());
            return "{" + who + type + ",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"url\":" + json(pick(PAYLOADS))
                    + ",\"campaign\":" + json(pick(PAYLOADS)) + ",\"touchId\":\"x\",\"contentId\":" + json(pick(PAYLOADS)) + "}";
        }

        private String preview() {
            // Never a usable email: the preview of a described lead needs one.
            String email = pick(List.of("", "\"email\":\"\",", "\"email\":\"   \",", "\"email\":[\"jane@example.com\"],",
                    "\"email\":{\"$ne\":null},", "\"email\":null,"));
            return "{" + email + "\"firstName\":" + json(pick(PAYLOADS)) + ",\"company\":\"x\",\"jobTitle\":" + json(pick(PAYLOADS))
                    + ",\"companySize\":" + json(pick(PAYLOADS)) + ",\"country\":" + json(pick(PAYLOADS))
                    + ",\"conversions\":[{\"formType\":\"DEMO_REQUEST\"}],\"engagements\":[{\"type\":\"PAGE_VIEW\",\"url\":"
                    + json(pick(PAYLOADS)) + "}]}";
        }

        private String rejection() {
            return random.nextBoolean()
                    ? "{\"reason\":" + json(pick(PAYLOADS)) + ",\"note\":" + json(pick(PAYLOADS)) + "}"
                    : "{\"reason\":\"OTHER\",\"note\":" + json(pick(PAYLOADS) + "x".repeat(random.nextInt(3_000))) + "}";
        }

        /** For a closer that does not exist: any body. */
        private String availability() {
            return "{\"active\":" + pick(List.of("true", "false", json(pick(PAYLOADS)))) + ",\"outOfOfficeUntil\":" + json(pick(PAYLOADS)) + "}";
        }

        /** For a real closer: a body routing must refuse (active not a boolean, a date that is not one, not an object). */
        private String availabilityDefect() {
            return switch (random.nextInt(4)) {
                case 0 -> "{\"active\":" + json(pick(PAYLOADS)) + ",\"x\":\"x\"}";
                case 1 -> "{\"active\":" + pick(List.of("1", "0", "[]", "{}", "\"true\"")) + "}";
                case 2 -> "{\"outOfOfficeUntil\":" + json(pick(PAYLOADS) + " 2026-12-01T09:00:00Z") + ",\"x\":\"x\"}";
                default -> pick(List.of("[{\"active\":false}]", "\"x\"", "42", "true", "[]"));
            };
        }

        private String wrongTypes() {
            String value = pick(List.of("[1,2,3]", "{\"$gt\":\"\"}", "[[[]]]", "{\"a\":{\"b\":{}}}", "[\"x\"]"));
            return switch (endpoint.shape()) {
                case CONVERSIONS -> pick(List.of("{\"email\":" + value + ",\"formId\":\"demo-request\"}",
                        "{\"email\":\"jane@example.com\",\"formId\":" + value + "}",
                        "{\"email\":\"jane@example.com\",\"formId\":\"demo-request\",\"consent\":" + pick(List.of("\"yes\"", "[true]", "1")) + "}",
                        "{\"email\":\"jane@example.com\",\"formId\":\"demo-request\",\"fields\":" + pick(List.of("[]", "\"x\"", "{\"a\":[1]}", "{\"a\":{\"b\":1}}")) + "}",
                        "{\"email\":\"jane@example.com\",\"formId\":\"demo-request\",\"submittedAt\":" + pick(List.of("\"yesterday\"", "[]", "\"2026-13-45T99:00:00Z\"")) + "}",
                        "{\"email\":\"jane@example.com\",\"formId\":\"demo-request\",\"utm\":" + pick(List.of("\"x\"", "[1]", "true")) + "}",
                        "[{\"email\":\"jane@example.com\",\"formId\":\"demo-request\"}]"));
                case ENGAGEMENTS -> pick(List.of("{\"type\":" + value + ",\"email\":\"jane@example.com\"}",
                        "{\"type\":\"PAGE_VIEW\",\"email\":" + value + "}",
                        "{\"type\":\"PAGE_VIEW\",\"email\":\"jane@example.com\",\"occurredAt\":" + pick(List.of("\"yesterday\"", "[]", "{}", "\"2026-02-30T00:00:00Z\"")) + "}",
                        "[{\"type\":\"PAGE_VIEW\"}]"));
                case SCORING_PREVIEW -> pick(List.of("{\"email\":" + value + "}",
                        "{\"email\":\"jane@example.com\",\"formType\":" + json(pick(WORDS)) + "}",
                        "{\"email\":\"jane@example.com\",\"conversions\":" + pick(List.of("\"x\"", "{}", "[1]", "[{\"formType\":\"NOPE\"}]", "[null]")) + "}",
                        "{\"email\":\"jane@example.com\",\"engagements\":[{\"type\":" + json(pick(WORDS)) + "}]}",
                        "{\"email\":\"jane@example.com\",\"at\":" + pick(List.of("\"yesterday\"", "[]", "{}", "\"2026-01-01T25:00:00Z\"")) + "}",
                        "[{\"email\":\"jane@example.com\"}]"));
                case HANDOFF_REJECT -> pick(List.of("{\"reason\":" + value + "}", "{\"reason\":\"OTHER\",\"note\":" + value + "}", "[\"OTHER\"]"));
                default -> pick(List.of("{\"active\":" + value + "}", "{\"outOfOfficeUntil\":" + value + ",\"active\":\"no\"}", "[true]"));
            };
        }

        private String brokenJson() {
            String valid = switch (endpoint.shape()) {
                case CONVERSIONS -> "{\"email\":\"jane.doe@acme-robotics.example\",\"formId\":\"demo-request\"}";
                case ENGAGEMENTS -> "{\"type\":\"PAGE_VIEW\",\"email\":\"jane.doe@acme-robotics.example\"}";
                case SCORING_PREVIEW -> "{\"email\":\"jane.doe@acme-robotics.example\",\"jobTitle\":\"CTO\"}";
                case HANDOFF_REJECT -> "{\"reason\":\"OTHER\",\"note\":\"x\"}";
                default -> "{\"active\":false}";
            };
            return switch (random.nextInt(12)) {
                case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 2)); // truncated
                case 1 -> valid.replace("}", ",}");
                case 2 -> valid.replace('"', '\'');
                case 3 -> valid.replaceFirst("\"([a-zA-Z]+)\":", "$1:");
                case 4 -> valid.replace("{", "{{");
                case 5 -> "/* comment */" + valid;
                case 6 -> "\uFEFF" + valid.replace("}", ",\"x\":NaN}");
                case 7 -> valid.replace("}", ",\"x\":\"\\x41\\u12\"}");
                case 8 -> valid.replace("}", ",\"x\":\"unterminated}");
                case 9 -> valid.replace(":", "::");
                case 10 -> valid.replace("}", ",\"x\":01234,\"y\":1e99999999999}");
                default -> "{".repeat(3) + pick(PAYLOADS);
            };
        }

        private String deepJson(int depth) {
            return switch (random.nextInt(3)) {
                case 0 -> "[".repeat(depth) + "]".repeat(depth);
                case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                default -> endpoint.shape() == Shape.CONVERSIONS
                        ? "{\"email\":\"jane@example.com\",\"formId\":\"demo-request\",\"fields\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}"
                        : "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            };
        }

        /** Over capture's 64 KiB limit, and for the other services megabytes of one string, many keys or a long array. */
        private String hugeJson() {
            int size = switch (endpoint.shape()) {
                case CONVERSIONS, ENGAGEMENTS -> 70_000 + random.nextInt(200_000);
                default -> random.nextInt(20) == 0 ? 11_000_000 : 500_000 + random.nextInt(1_500_000);
            };
            return switch (random.nextInt(3)) {
                case 0 -> "{\"firstName\":" + json("A".repeat(size)) + ",\"reason\":\"NOPE\",\"active\":\"no\"}";
                case 1 -> {
                    StringBuilder keys = new StringBuilder("{\"reason\":\"NOPE\",\"active\":\"no\"");
                    for (int i = 0; keys.length() < size; i++) {
                        keys.append(",\"k").append(i).append("\":").append(i);
                    }
                    yield keys.append('}').toString();
                }
                default -> "{\"reason\":\"NOPE\",\"active\":\"no\",\"conversions\":[" + "{},".repeat(size / 3) + "{}]}";
            };
        }

        /** The document with raw bytes no UTF-8 decoder accepts spliced into its string values. */
        private byte[] invalidUtf8(String document) {
            byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
                    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xFE, (byte) 0xFF}};
            byte[] chosen = bad[random.nextInt(bad.length)];
            String marker = "\"x\"";
            String withMarker = document.contains(marker) ? document : document.replaceFirst("\\{", "{\"x\":\"x\",");
            int at = withMarker.indexOf(marker) + 1;
            return concat(utf8(withMarker.substring(0, at)), chosen, utf8(withMarker.substring(at)));
        }

        /** A form post refused by capture: an unknown form, or a known one with no or an invalid email, or a body that cannot be read. */
        private Poisoned formBody() {
            boolean knownForm = random.nextInt(4) != 0;
            target = path(knownForm ? pick(FORMS) : hostileFormIdForPath());
            List<String[]> inputs = new ArrayList<>();
            int poison = random.nextInt(5);
            if (poison == 0) {
                inputs.add(new String[] {"email", pick(INVALID_EMAILS)});
            } else if (poison == 1) {
                inputs.add(new String[] {"email", ""});
            } else if (poison == 2) {
                inputs.add(new String[] {"idempotency_key", "not a valid key " + pick(PAYLOADS)});
                inputs.add(new String[] {"email", "jane.doe@acme-robotics.example"});
            } else if (poison == 3 || !knownForm) {
                for (int i = 0; i < 51 + random.nextInt(100); i++) {
                    inputs.add(new String[] {"custom_" + i, pick(PAYLOADS)});
                }
                inputs.add(new String[] {"email", "jane.doe@acme-robotics.example"});
            } // poison 4: no email at all
            inputs.add(new String[] {"first_name", pick(PAYLOADS)});
            inputs.add(new String[] {"company", pick(PAYLOADS)});
            inputs.add(new String[] {"title", pick(PAYLOADS)});
            inputs.add(new String[] {"country", pick(PAYLOADS)});
            inputs.add(new String[] {"utm_source", pick(PAYLOADS)});
            inputs.add(new String[] {"redirect", pick(List.of("https://evil.example/", "javascript:alert(1)", "//evil.example", "http://localhost:8000@evil.example/", pick(PAYLOADS)))});
            inputs.add(new String[] {safeInputName(pick(PAYLOADS)), pick(PAYLOADS)});
            boolean multipart = random.nextBoolean();
            return switch (random.nextInt(8)) {
                case 0 -> {
                    kind = "form: many fields";
                    for (int i = 0; i < 300 + random.nextInt(3_000); i++) {
                        inputs.add(new String[] {"f" + i, "v"});
                    }
                    yield multipart ? multipart(inputs, false) : urlencoded(inputs);
                }
                case 1 -> {
                    kind = "form: a huge field";
                    inputs.add(new String[] {"message", "m".repeat(random.nextBoolean() ? 70_000 + random.nextInt(100_000) : 60_000)});
                    yield multipart ? multipart(inputs, false) : urlencoded(inputs);
                }
                case 2 -> {
                    kind = "form: malformed percent escapes";
                    String encoded = new String(urlencoded(inputs).body(), StandardCharsets.ISO_8859_1);
                    String broken = random.nextBoolean() ? encoded + "&note=" + pick(BAD_ESCAPES) : pick(BAD_ESCAPES) + "=" + encoded.replace("&", "&" + pick(BAD_ESCAPES));
                    yield new Poisoned(broken.getBytes(StandardCharsets.ISO_8859_1), "application/x-www-form-urlencoded");
                }
                case 3 -> {
                    kind = "form: multipart cut off before its last boundary";
                    yield multipart(inputs, true);
                }
                case 4 -> {
                    kind = "form: multipart with a broken boundary";
                    Poisoned whole = multipart(inputs, false);
                    yield new Poisoned(whole.body(), pick(List.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"unterminated",
                            "multipart/form-data; boundary=other", "multipart/form-data; boundary=" + "b".repeat(5_000))));
                }
                case 5 -> {
                    kind = "form: invalid UTF-8 in values";
                    inputs.add(new String[] {"note", "BADUTF8"});
                    Poisoned form = multipart ? multipart(inputs, false) : urlencoded(inputs);
                    byte[] bad = {(byte) 0xFF, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
                    byte[] spliced = multipart || random.nextBoolean() ? bad : percentBytes(bad); // raw bytes even where they should be escaped
                    yield new Poisoned(replace(form.body(), utf8("BADUTF8"), spliced), form.contentType());
                }
                case 6 -> {
                    kind = "form: file parts and odd part headers";
                    yield multipartWithFiles(inputs);
                }
                default -> {
                    kind = "form: hostile inputs";
                    yield multipart ? multipart(inputs, false) : urlencoded(inputs);
                }
            };
        }

        private Poisoned urlencoded(List<String[]> inputs) {
            StringBuilder form = new StringBuilder();
            for (String[] input : inputs) {
                form.append(form.isEmpty() ? "" : "&").append(encode(input[0])).append('=').append(encode(input[1]));
            }
            return new Poisoned(form.toString().getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
        }

        private Poisoned multipart(List<String[]> inputs, boolean cutOff) {
            String boundary = "----hostile" + Long.toHexString(random.nextLong());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String[] input : inputs) {
                out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + input[0].replace("\"", "%22").replaceAll("[\\r\\n]", " ")
                        + "\"\r\n\r\n" + input[1] + "\r\n"));
            }
            if (!cutOff) {
                out.writeBytes(utf8("--" + boundary + "--\r\n"));
            } else {
                out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nhalf a mess"));
            }
            return new Poisoned(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
        }

        private Poisoned multipartWithFiles(List<String[]> inputs) {
            Poisoned text = multipart(inputs, false);
            String type = text.contentType();
            String boundary = type.substring(type.indexOf('=') + 1);
            String files = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"../../etc/passwd\"\r\nContent-Type: application/x-sh\r\n\r\n#!/bin/sh\nrm -rf /\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"" + pick(PAYLOADS).replace("\"", "") + ".png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n"
                    + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"b64\"\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n";
            byte[] body = text.body();
            byte[] head = Arrays.copyOf(body, body.length - (boundary.length() + 6));
            return new Poisoned(concat(head, files.getBytes(StandardCharsets.ISO_8859_1), utf8("--" + boundary + "--\r\n")), type);
        }

        // ---- ids, paths and headers ------------------------------------------------------------------------------

        private String path(String id) {
            String path = endpoint.path();
            if (!path.contains("{id}")) {
                return path;
            }
            return path.replace("{id}", id == null ? validLookingId() : id);
        }

        /** An id as it goes into the path: encoded hostile text, malformed escapes, traversal, or very long. */
        private String hostileIdForPath() {
            return switch (random.nextInt(6)) {
                case 0, 1 -> encode(hostileId());
                case 2 -> pick(BAD_ESCAPES) + encode(hostileId());
                case 3 -> pick(List.of("..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..;", "%2e", "....//....//etc",
                        "..%5c..%5cwindows", "%c0%ae%c0%ae%c0%af", "x%00.json", "%252e%252e%252f"));
                case 4 -> "i".repeat(200 + random.nextInt(3_000));
                default -> encode(validLookingId()) + pick(List.of("%00", "%20", ";jsessionid=x", "%0d%0aX-Injected:%201", "%3Cscript%3E", "~", "!"));
            };
        }

        private String hostileFormIdForPath() {
            String id = hostileIdForPath();
            return FORMS.contains(id) ? id + "%00" : id;
        }

        private String hostileFormId() {
            String id = pick(PAYLOADS);
            return FORMS.contains(id) ? id + "!" : id;
        }

        private String hostileId() {
            return random.nextInt(3) == 0 ? pick(INVALID_EMAILS) : pick(PAYLOADS);
        }

        /** An id that looks right but names nothing: no lead, handoff or closer exists under it. */
        private String validLookingId() {
            return switch (endpoint.shape()) {
                case FORMS, PREFLIGHT -> "no-such-form";
                case CLOSER_AVAILABILITY -> "closer-nobody";
                case TIMELINE -> random.nextBoolean() ? UUID.randomUUID().toString() : "nobody-" + random.nextInt(1_000_000) + "%40example.com";
                default -> UUID.randomUUID().toString();
            };
        }

        /** Never blank: a blank window is the default one, a valid request. */
        private String hostileWindow() {
            String window = pick(WORDS);
            return WINDOWS.contains(window.trim().toLowerCase(Locale.ROOT)) ? window + "!" : window;
        }

        private String safeInputName(String name) {
            String canonical = name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
            // "website" is the honeypot: a filled one gets the success answer by design, and no event.
            return canonical.contains("website") || canonical.isEmpty() ? "x" + Math.abs(name.hashCode()) : name;
        }

        /** Header values java.net.http sends: ASCII, no CR or LF. */
        private void hostileHeaders() {
            for (String name : List.of("User-Agent", "Referer", "X-Forwarded-For", "X-Request-Id", "Cookie", "X-Original-URL")) {
                String value = pick(PAYLOADS).replaceAll("[^\\x20-\\x7e]", "?");
                headers.add(new Header(name, value.isBlank() ? "x" : value + "a".repeat(random.nextInt(2_000))));
            }
        }

        /** Capture's requests carry the example site's server key (so rate limits do not mask validation), a few a hostile one. */
        private void key() {
            if (!endpoint.service().equals(CAPTURE)) {
                return;
            }
            if (random.nextInt(20) == 0) {
                headers.add(new Header("Authorization", pick(List.of("Bearer " + pick(PAYLOADS).replaceAll("[^\\x21-\\x7e]", "") + "x",
                        "Basic Zm9vOmJhcg==", "Bearer", "bearer  ", "Bearer " + "k".repeat(5_000)))));
            } else {
                headers.add(new Header("Authorization", "Bearer " + SERVER_KEY));
            }
        }

        private String keyAndOrigin() {
            return endpoint.service().equals(CAPTURE) ? "Authorization: Bearer " + SERVER_KEY + "\r\nOrigin: " + SITE_ORIGIN + "\r\n" : "";
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }
    }

    /** Whether java.net.URI parses the target, as Quarkus does before it routes a request. */
    static boolean validUri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Whether the target leaves its endpoint: a dot segment, once the server decodes {@code %2e} and removes them. */
    static boolean escapes(String target) {
        if (target == null) {
            return false;
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        for (String segment : path.replaceAll("(?i)%2e", ".").split("/")) {
            if (segment.equals(".") || segment.equals("..") || segment.startsWith("..;")) {
                return true;
            }
        }
        return false;
    }

    /** Percent-encoded UTF-8, spaces as %20; a lone surrogate becomes '?'. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON string literal; lone surrogates and control characters as \\u escapes. */
    static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    static String abbreviate(String text, int max) {
        String printable = text.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + text.length() + " chars)";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] percentBytes(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append(String.format("%%%02X", b & 0xFF));
        }
        return encoded.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] replace(byte[] bytes, byte[] marker, byte[] replacement) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(new String(marker, StandardCharsets.ISO_8859_1));
        return at < 0 ? bytes : concat(Arrays.copyOfRange(bytes, 0, at), replacement, Arrays.copyOfRange(bytes, at + marker.length, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
