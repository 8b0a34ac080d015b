package io.leadpipeline.capture.api;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.http.HttpServerRequest;

/**
 * What capture needs to know about who is asking: the browser Origin (absent for servers and curl), the
 * presented Bearer secret, the client IP (the proxy's client when proxy forwarding is configured) and whether
 * the client reads HTML.
 */
public record ClientRequest(Optional<String> origin, Optional<String> bearerSecret, boolean authorizationPresent,
        String clientIp, boolean acceptsHtml) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public static ClientRequest of(HttpHeaders headers, HttpServerRequest request) {
        Optional<String> origin = Optional.ofNullable(headers.getHeaderString("Origin"))
                .map(o -> o.trim().toLowerCase(Locale.ROOT))
                .filter(o -> !o.isEmpty());
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> bearer = Optional.ofNullable(authorization)
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).trim())
                .filter(s -> !s.isEmpty());
        String accept = Optional.ofNullable(headers.getHeaderString(HttpHeaders.ACCEPT)).orElse("");
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return new ClientRequest(origin, bearer, authorization != null, ip, accept.contains("text/html"));
    }
}
