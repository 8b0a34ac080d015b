package io.leadpipeline.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Gives a secured broker its users and ACLs from {@link KafkaAccess}: a SCRAM-SHA-512 user per principal (the broker
 * stores only the salted hash) and the table's ACL bindings. Idempotent, so {@code ./pipeline up} runs it on every
 * start and a changed table takes effect then. Also writes {@code owners.properties} (topic = owning principal) beside
 * the credentials, which {@code ./pipeline dlq replay} reads to sign in as a topic's owner.
 */
public final class KafkaAccessSetup {

    static final String OWNERS_FILE = "owners.properties";
    private static final int SCRAM_ITERATIONS = 8192;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KafkaAccessSetup() {
    }

    /** The admin client settings of the broker's own super user. */
    public static Map<String, Object> adminSettings(String bootstrapServers, KafkaCredentials credentials) {
        Map<String, Object> settings = new HashMap<>(credentials.clientSettings(KafkaAccess.ADMIN));
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    /** Creates the users and ACLs, retrying while the broker is still starting; throws when it cannot within 60 s. */
    public static void apply(String bootstrapServers, KafkaCredentials credentials) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Map<String, Object> settings = adminSettings(bootstrapServers, credentials);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        while (true) {
            try (Admin admin = Admin.create(settings)) {
                List<UserScramCredentialUpsertion> users = KafkaAccess.PRINCIPALS.stream()
                        .map(p -> new UserScramCredentialUpsertion(p.name(),
                                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), credentials.password(p.name())))
                        .toList();
                admin.alterUserScramCredentials(List.copyOf(users)).all().get(15, TimeUnit.SECONDS);
                admin.createAcls(KafkaAccess.bindings()).all().get(15, TimeUnit.SECONDS);
                writeOwners(credentials);
                return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("Could not set up Kafka users and ACLs at " + bootstrapServers, e);
                }
                ChildProcess.sleep(1000);
            }
        }
    }

    private static void writeOwners(KafkaCredentials credentials) {
        String text = "# topic = the only principal that writes it (KafkaAccess); read by ./pipeline dlq replay\n"
                + KafkaAccess.owners().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining());
        try {
            Files.writeString(credentials.dir().resolve(OWNERS_FILE), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
