package io.leadpipeline.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Kafka is reachable when the cluster answers describeCluster within the timeout. Needed besides the Kafka Streams
 * state: a stopped broker often leaves a Streams app RUNNING (its threads just retry), and capture has no Streams app.
 * One Admin client is kept for the probe's lifetime.
 */
final class KafkaProbe implements Probe {

    static final String DEPENDENCY = "kafka";

    private final Map<String, Object> config;
    private final Duration timeout;
    private Admin admin;

    KafkaProbe(String bootstrapServers, String clientId, Duration timeout) {
        this(KafkaConnection.plaintext(bootstrapServers), clientId, timeout);
    }

    /** {@code connection}: see {@link KafkaConnection}. */
    KafkaProbe(Map<String, Object> connection, String clientId, Duration timeout) {
        this.timeout = timeout;
        int millis = Math.toIntExact(timeout.toMillis());
        Map<String, Object> settings = new java.util.HashMap<>(connection);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        settings.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.config = Map.copyOf(settings);
    }

    @Override
    public synchronized Result check() {
        try {
            if (admin == null) {
                admin = Admin.create(config);
            }
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis())))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                return Result.down(DEPENDENCY, "the cluster reports no brokers");
            }
            return Result.up(DEPENDENCY, nodes.size() + (nodes.size() == 1 ? " broker" : " brokers"));
        } catch (ExecutionException e) {
            return Result.down(DEPENDENCY, describe(e.getCause()));
        } catch (TimeoutException e) {
            return Result.down(DEPENDENCY, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.down(DEPENDENCY, "interrupted");
        } catch (RuntimeException e) {
            return Result.down(DEPENDENCY, describe(e));
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
