package io.leadpipeline.routing.api;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.query.KeyOwner;
import io.leadpipeline.service.query.KeyOwners;
import io.leadpipeline.service.query.OwnerForwarder;
import io.smallrye.mutiny.Uni;

/**
 * Where the routing desk is: its stores live on exactly one instance (the one running the single desk task).
 * A request is answered there; any other instance forwards it once to that instance's HTTP address
 * ({@code quarkus.kafka-streams.application-server}) and relays the answer. While the desk moves between instances or
 * restores its state, requests get 503 with Retry-After.
 */
@ApplicationScoped
public class DeskAccess {

    /** The desk has one partition, so any key locates it. */
    private static final String ANY_DESK_KEY = "desk";
    private static final String MOVING = "The routing desk is starting or moving between instances; retry shortly";
    /** Longer than routing.command-timeout: a forwarded accept, reject or availability change waits there for the desk. */
    private static final OwnerForwarder.Terms FORWARDING = new OwnerForwarder.Terms(Duration.ofSeconds(45), MOVING,
            "The instance hosting the routing desk did not answer; retry shortly");

    private final KafkaStreams streams;
    private final KeyOwners owners;
    private final OwnerForwarder forwarder;

    public DeskAccess(KafkaStreams streams, OwnerForwarder forwarder) {
        this.streams = streams;
        this.owners = KeyOwners.of(streams);
        this.forwarder = forwarder;
    }

    /** The desk's stores, when this instance hosts the desk and it is ready. */
    public Optional<DeskReader> local() {
        try {
            return Optional.of(new DeskReader(streams));
        } catch (InvalidStateStoreException notHereOrNotReady) {
            return Optional.empty();
        }
    }

    /** Answers a GET from the local desk, or forwards it to the instance that hosts the desk. */
    public Uni<Response> read(UriInfo uri, HttpHeaders headers, Function<DeskReader, Response> handler) {
        return serve("GET", uri, headers, null, reader -> Uni.createFrom().item(() -> handler.apply(reader)));
    }

    /** Runs {@code handler} against the local desk, or forwards the request to the instance that hosts it. */
    public Uni<Response> serve(String method, UriInfo uri, HttpHeaders headers, String body, Function<DeskReader, Uni<Response>> handler) {
        Optional<DeskReader> local = local();
        if (local.isPresent()) {
            return Uni.createFrom().deferred(() -> handler.apply(local.get()))
                    // The stores went away mid-request (a rebalance after a crash, found by the crash run): retry, never a 500.
                    .onFailure(InvalidStateStoreException.class)
                    .recoverWithItem(() -> Problem.retryLater("The routing desk is rebalancing; retry shortly (answers are idempotent)"));
        }
        if (owners.find(Stores.HANDOFFS, ANY_DESK_KEY) instanceof KeyOwner.Elsewhere elsewhere) {
            return forwarder.forward(elsewhere.host(), OwnerForwarder.Call.of(method, uri, headers, body), FORWARDING);
        }
        // Assigned here but not ready yet, or assigned nowhere while the instances rebalance.
        return Uni.createFrom().item(() -> Problem.retryLater(MOVING));
    }
}
