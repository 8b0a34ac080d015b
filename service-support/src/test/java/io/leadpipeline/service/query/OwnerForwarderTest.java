package io.leadpipeline.service.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import jakarta.ws.rs.core.Response;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.leadpipeline.service.Problem;
import io.vertx.mutiny.core.Vertx;

/**
 * Proves the forwarder relays the owner's answer unchanged (status, body, Content-Type, Retry-After), marks what it
 * sends as forwarded, never forwards a forwarded request again, sends a GET again when its pooled connection was
 * closed under it, and answers 503 problem+json when the owner is silent or unreachable.
 */
class OwnerForwarderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OwnerForwarder.Terms TERMS = new OwnerForwarder.Terms(Duration.ofSeconds(5),
            "The lead's partition is moving between instances; retry shortly", "The instance that owns the lead did not answer; retry shortly");

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Exchange> answers = new ConcurrentHashMap<>();
    private Vertx vertx;
    private HttpServer owner;
    private HostInfo ownerHost;
    private OwnerForwarder forwarder;

    /** What the owning instance was sent. */
    private record Received(String method, String pathAndQuery, String forwardedHeader, String contentType, String authorization,
            String body) {
    }

    @FunctionalInterface
    private interface Exchange {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @BeforeEach
    void start() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                    exchange.getRequestHeaders().getFirst(OwnerForwarder.FORWARDED_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            try {
                answers.getOrDefault(path, OwnerForwarderTest::notFound).answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        owner.setExecutor(Executors.newCachedThreadPool());
        owner.start();
        ownerHost = new HostInfo("127.0.0.1", owner.getAddress().getPort());
        vertx = Vertx.vertx();
        forwarder = new OwnerForwarder(vertx);
    }

    @AfterEach
    void stop() {
        forwarder.close();
        owner.stop(0);
        vertx.closeAndAwait();
    }

    @Test
    void shouldRelayTheOwnersStatusBodyAndHeadersUnchanged() {
        byte[] problem = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Handoff h-1 is no longer open\"}"
                .getBytes(StandardCharsets.UTF_8);
        answers.put("/v1/handoffs/h-1/reject", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.getResponseHeaders().add("X-Internal", "not relayed");
            send(exchange, 409, problem);
        });

        Response response = forwarder.forward(ownerHost, new OwnerForwarder.Call("POST", "/v1/handoffs/h-1/reject?source=crm",
                "application/json", "{\"reason\":\"BAD_FIT\"}".getBytes(StandardCharsets.UTF_8), "Bearer closer-token", false), TERMS).await().atMost(WAIT);

        assertEquals(409, response.getStatus());
        assertArrayEquals(problem, (byte[]) response.getEntity());
        assertEquals("application/problem+json", response.getHeaderString("Content-Type"));
        assertEquals("7", response.getHeaderString("Retry-After"));
        assertEquals(null, response.getHeaderString("X-Internal"));
        assertEquals(List.of(new Received("POST", "/v1/handoffs/h-1/reject?source=crm", "true", "application/json",
                "Bearer closer-token", "{\"reason\":\"BAD_FIT\"}")),
                received);
    }

    @Test
    void shouldRelayAGetAndMarkItAsForwarded() {
        byte[] lead = "{\"leadId\":\"l-1\",\"stage\":\"SQL\"}".getBytes(StandardCharsets.UTF_8);
        answers.put("/v1/leads/l-1", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            send(exchange, 200, lead);
        });

        Response response = forwarder.forward(ownerHost, OwnerForwarder.Call.get("/v1/leads/l-1", "Bearer ops-token", null), TERMS)
                .await().atMost(WAIT);

        assertEquals(200, response.getStatus());
        assertArrayEquals(lead, (byte[]) response.getEntity());
        assertEquals("application/json;charset=UTF-8", response.getHeaderString("Content-Type"));
        assertEquals(null, response.getHeaderString("Retry-After"));
        assertEquals(List.of(new Received("GET", "/v1/leads/l-1", "true", null, "Bearer ops-token", "")), received);
    }

    @Test
    void shouldNotForwardARequestThatWasForwardedAlready() {
        Response response = forwarder.forward(ownerHost, OwnerForwarder.Call.get("/v1/leads/l-1", null, "true"), TERMS).await().atMost(WAIT);

        assertRetryLater(response, "The lead's partition is moving between instances; retry shortly");
        assertEquals(List.of(), received, "the owner was not asked");
    }

    @Test
    void shouldAnswer503WhenTheOwnerDoesNotAnswerInTime() {
        answers.put("/v1/leads/l-1", exchange -> {
            Thread.sleep(3_000);
            send(exchange, 200, new byte[0]);
        });
        OwnerForwarder.Terms impatient = new OwnerForwarder.Terms(Duration.ofMillis(300), TERMS.whenMoving(), TERMS.whenUnreachable());

        long started = System.nanoTime();
        Response response = forwarder.forward(ownerHost, OwnerForwarder.Call.get("/v1/leads/l-1", null, null), impatient).await().atMost(WAIT);

        assertRetryLater(response, "The instance that owns the lead did not answer; retry shortly");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(2_500)) < 0, "gave up after the timeout");
    }

    @Test
    void shouldAnswer503WhenTheOwnerCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Response response = forwarder.forward(new HostInfo("127.0.0.1", closedPort), OwnerForwarder.Call.get("/v1/leads/l-1", null, null), TERMS)
                .await().atMost(WAIT);

        assertRetryLater(response, "The instance that owns the lead did not answer; retry shortly");
    }

    @Test
    void shouldSendAGetAgainWhenTheOwnerClosedTheIdleConnectionItWentOut() throws Exception {
        try (ServerSocket closesAfterOneAnswer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> answerOnceThenCloseOnTheNextRequest(closesAfterOneAnswer));
            HostInfo host = new HostInfo("127.0.0.1", closesAfterOneAnswer.getLocalPort());

            Response first = forwarder.forward(host, OwnerForwarder.Call.get("/v1/leads/l-1", null, null), TERMS).await().atMost(WAIT);
            Response second = forwarder.forward(host, OwnerForwarder.Call.get("/v1/leads/l-1", null, null), TERMS).await().atMost(WAIT);

            assertEquals(200, first.getStatus());
            assertEquals(200, second.getStatus(), "sent again on a new connection, not answered 503");
            server.join(WAIT);
        }
    }

    /** Keeps the first connection alive after its answer, closes it when the next request arrives, answers on a new one. */
    private static void answerOnceThenCloseOnTheNextRequest(ServerSocket server) {
        byte[] answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);
        try (Socket pooled = server.accept()) {
            readRequestHead(pooled);
            pooled.getOutputStream().write(answer);
            pooled.getOutputStream().flush();
            readRequestHead(pooled); // the second request, on the pooled connection: closed unanswered
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Socket fresh = server.accept()) {
            readRequestHead(fresh);
            fresh.getOutputStream().write(answer);
            fresh.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readRequestHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed before the request ended");
            }
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
    }

    @Test
    void shouldHandBackTheRawAnswerToACallerThatReadsIt() {
        answers.put("/v1/internal/nurture-counts", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            send(exchange, 200, "{\"parked\":2}".getBytes(StandardCharsets.UTF_8));
        });

        OwnerForwarder.Answer answer = forwarder.send(ownerHost, OwnerForwarder.Call.get("/v1/internal/nurture-counts", null, null), Duration.ofSeconds(5))
                .await().atMost(WAIT).orElseThrow();

        assertEquals(200, answer.status());
        assertEquals("application/json", answer.contentType());
        assertEquals("{\"parked\":2}", new String(answer.body(), StandardCharsets.UTF_8));
    }

    private static void assertRetryLater(Response response, String detail) {
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals(Problem.of(503, detail), response.getEntity());
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, new byte[0]);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
