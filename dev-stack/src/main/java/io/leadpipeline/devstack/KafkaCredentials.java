package io.leadpipeline.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kafka passwords of one pipeline, generated on first use into a folder only its owner can read
 * ({@code .pipeline/security/kafka/} for {@code ./pipeline up}): per principal a {@code <name>.password} and a
 * {@code <name>.properties} with the {@code kafka.*} client settings a service loads through
 * {@code quarkus.config.locations} (and the operator tools read too), so no secret appears on a command line or in an
 * environment. The broker keeps only salted SCRAM hashes of them (see {@link KafkaAccessSetup}).
 */
public final class KafkaCredentials {

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    /** Every client but the broker itself signs in with SCRAM; the broker's own admin uses PLAIN (see KafkaBrokerMain). */
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN_MECHANISM = "PLAIN";
    /** The prefix Quarkus' Kafka settings carry; plain Kafka clients take the same keys without it. */
    static final String QUARKUS_PREFIX = "kafka.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    private KafkaCredentials(Path dir) {
        this.dir = dir;
    }

    /** The credentials in {@code dir}, generating any that are missing (safe to call on every start). */
    public static synchronized KafkaCredentials in(Path dir) {
        KafkaCredentials credentials = new KafkaCredentials(dir.toAbsolutePath());
        try {
            Files.createDirectories(credentials.dir);
            ownerOnly(credentials.dir, "rwx------");
            Stream.concat(Stream.of(KafkaAccess.ADMIN), KafkaAccess.PRINCIPALS.stream().map(KafkaAccess.Principal::name))
                    .forEach(credentials::ensure);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Kafka credentials to " + dir, e);
        }
        return credentials;
    }

    public Path dir() {
        return dir;
    }

    public String password(String principal) {
        try {
            return Files.readString(dir.resolve(principal + ".password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("No Kafka password for " + principal + " in " + dir, e);
        }
    }

    /** The file a service of this name loads with {@code -Dquarkus.config.locations=…}. */
    public Path quarkusSettings(String principal) {
        return dir.resolve(principal + ".properties");
    }

    /** The client settings (security protocol, mechanism, JAAS login) for a plain Kafka client signing in as {@code principal}. */
    public Map<String, Object> clientSettings(String principal) {
        boolean admin = principal.equals(KafkaAccess.ADMIN);
        String module = admin ? "org.apache.kafka.common.security.plain.PlainLoginModule" : "org.apache.kafka.common.security.scram.ScramLoginModule";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("security.protocol", SECURITY_PROTOCOL);
        settings.put("sasl.mechanism", admin ? ADMIN_MECHANISM : MECHANISM);
        settings.put("sasl.jaas.config", module + " required username=\"" + principal + "\" password=\"" + password(principal) + "\";");
        return settings;
    }

    private void ensure(String principal) {
        try {
            Path password = dir.resolve(principal + ".password");
            if (!Files.exists(password)) {
                byte[] secret = new byte[32];
                RANDOM.nextBytes(secret);
                writeOwnerOnly(password, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
            }
            StringBuilder text = new StringBuilder("# Kafka credentials of " + principal + ", written by ./pipeline (KafkaCredentials); keep private\n");
            clientSettings(principal).forEach((key, value) -> text.append(QUARKUS_PREFIX).append(key).append('=').append(value).append('\n'));
            writeOwnerOnly(quarkusSettings(principal), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kafka credentials of " + principal + " to " + dir, e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        Files.createFile(partial);
        ownerOnly(partial, "rw-------");
        Files.writeString(partial, text);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
    }
}
