package io.leadpipeline.kafka;

import java.time.Clock;
import java.time.Duration;

/** A check of one thing a service depends on (Kafka, the registry), for its readiness endpoint. */
public interface Probe extends AutoCloseable {

    /** How long a probe waits for an answer before calling the dependency down. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** How long an answer is reused, so frequent health polls (several per second from orchestrators) stay cheap. */
    Duration DEFAULT_CACHE = Duration.ofSeconds(3);

    /** What was found; never throws. */
    Result check();

    @Override
    default void close() {
    }

    /** The outcome of a check: which dependency, whether it is usable, and a short human-readable detail. */
    record Result(String dependency, boolean up, String detail) {

        static Result up(String dependency, String detail) {
            return new Result(dependency, true, detail);
        }

        static Result down(String dependency, String detail) {
            return new Result(dependency, false, detail);
        }
    }

    /** Kafka reachable: the cluster answers describeCluster within the default timeout; answers cached briefly. */
    static Probe kafka(java.util.Map<String, Object> connection, String clientId) {
        return cached(new KafkaProbe(connection, clientId, DEFAULT_TIMEOUT), DEFAULT_CACHE, Clock.systemUTC());
    }

    /** The registry reachable: {@code <registry API>/system/info} answers 200 within the default timeout; cached briefly. */
    static Probe registry(String registryUrl) {
        return cached(new RegistryProbe(registryUrl, DEFAULT_TIMEOUT), DEFAULT_CACHE, Clock.systemUTC());
    }

    static Probe cached(Probe probe, Duration cacheFor, Clock clock) {
        return new CachedProbe(probe, cacheFor, clock);
    }
}
