package io.leadpipeline.opsconsole.roster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.opsconsole.config.ConsoleSettings;
import io.leadpipeline.opsconsole.domain.CloserCapacity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Closers' capacity and availability from routing-service ({@code GET <routing-url>/v1/closers}), fetched every
 * {@code ops-console.roster-interval} when {@code ops-console.routing-url} is set. Optional: without it, or while
 * routing does not answer, the sales floor shows open load with capacity unknown.
 */
@ApplicationScoped
public class RoutingRoster {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final ConsoleSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private volatile RosterStatus status;
    private ScheduledExecutorService scheduler;

    RoutingRoster(ConsoleSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.status = new RosterStatus(settings.routingUrl().map(URI::toString).orElse(null), Map.of(), null,
                settings.routingUrl().isPresent() ? "not fetched yet" : "ops-console.routing-url is not set");
    }

    void start(@Observes StartupEvent started) {
        if (settings.routingUrl().isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ops-console-roster").daemon()
                .factory());
        scheduler.scheduleWithFixedDelay(this::refresh, 0, settings.rosterInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    public RosterStatus status() {
        return status;
    }

    private void refresh() {
        URI url = settings.routingUrl().orElseThrow().resolve("/v1/closers");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
            settings.routingToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                status = status.failed("GET " + url + " answered " + response.statusCode());
                return;
            }
            Map<String, CloserCapacity> closers = new LinkedHashMap<>();
            parse(json.readTree(response.body())).forEach(closer -> closers.put(closer.closerId(), closer));
            status = new RosterStatus(status.url(), closers, clock.instant(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            status = status.failed("GET " + url + " failed: " + e.getMessage());
        }
    }

    /**
     * Reads the roster leniently, since routing's answer may grow: a JSON array of closers, or an object with a
     * {@code closers} array; per closer {@code id} (or {@code closerId}), {@code name}, {@code capacity} (or
     * {@code maxOpen} / {@code maxOpenHandoffs}) and {@code onDuty} (or {@code active}). Others are ignored.
     */
    public static List<CloserCapacity> parse(JsonNode root) {
        JsonNode list = root.isArray() ? root : root.path("closers");
        List<CloserCapacity> closers = new ArrayList<>();
        for (JsonNode closer : list) {
            String id = text(closer, "id", "closerId");
            if (id == null) {
                continue;
            }
            JsonNode capacity = first(closer, "capacity", "maxOpen", "maxOpenHandoffs");
            JsonNode onDuty = first(closer, "onDuty", "active");
            closers.add(new CloserCapacity(id, text(closer, "name"),
                    capacity != null && capacity.canConvertToInt() ? capacity.intValue() : null,
                    onDuty != null && onDuty.isBoolean() ? onDuty.booleanValue() : null));
        }
        return closers;
    }

    private static String text(JsonNode node, String... names) {
        JsonNode value = first(node, names);
        return value == null ? null : value.asText();
    }

    private static JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** The roster last fetched (closer id → capacity), when, and the last problem (null when the fetch worked). */
    public record RosterStatus(String url, Map<String, CloserCapacity> closers, Instant fetchedAt, String problem) {

        RosterStatus failed(String why) {
            return new RosterStatus(url, closers, fetchedAt, why);
        }
    }
}
