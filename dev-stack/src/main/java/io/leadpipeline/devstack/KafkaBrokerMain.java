package io.leadpipeline.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.Uuid;

/**
 * Runs a real single-node KRaft Kafka broker (broker and controller in one process) on loopback, in its own
 * JVM: {@code KafkaBrokerMain --port 9092 --controller-port 9093 --data-dir DIR [--secure-dir DIR] [--parent-pid PID]}.
 * Formats the storage on first use, then hands over to Kafka's own {@code kafka.Kafka} main, which stops
 * cleanly on SIGTERM. With --parent-pid it also stops when that process is gone, so a killed test run leaves
 * no broker behind. With --secure-dir (the {@link KafkaCredentials} folder) clients must sign in with SASL and the
 * broker enforces ACLs ({@link KafkaAccess}); without it the broker is plaintext and open, as for the test tier.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", "9093"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "kafka-data")).toAbsolutePath();
        Optional<KafkaCredentials> credentials = Optional.ofNullable(options.get("secure-dir")).map(Path::of).map(KafkaCredentials::in);
        Optional.ofNullable(options.get("parent-pid")).map(Long::parseLong).ifPresent(KafkaBrokerMain::exitWithParent);

        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        // The file holds the admin password when secured: readable by its owner only.
        Files.deleteIfExists(config);
        Files.createFile(config, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, serverProperties(port, controllerPort, dataDir.resolve("logs"), credentials));
        format(config, dataDir);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static String serverProperties(int port, int controllerPort, Path logDir, Optional<KafkaCredentials> credentials) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("controller.listener.names", "CONTROLLER");
        credentials.ifPresentOrElse(secured -> secure(props, port, controllerPort, secured), () -> {
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
        });
        props.put("log.dirs", logDir.toString());
        // Three partitions per topic so the pipeline behaves as it does on a cluster (several tasks, several keys).
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's dedupe buffer defaults to 128 MiB of heap; a small broker heap would run out.
        props.put("log.cleaner.dedupe.buffer.size", "4194304");
        // Every topic has an owner that creates it (see TopicProvisioner); a typo must not create a new topic.
        props.put("auto.create.topics.enable", "false");
        StringBuilder text = new StringBuilder("# written by KafkaBrokerMain on each start\n");
        props.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * SASL on both listeners and ACLs enforced. Clients sign in with SCRAM-SHA-512 (the broker keeps salted hashes in
     * its metadata); the broker itself, towards its own controller and listener, signs in as {@value KafkaAccess#ADMIN}
     * with PLAIN, because a KRaft controller cannot check SCRAM before its metadata is loaded.
     */
    private static void secure(Map<String, String> props, int port, int controllerPort, KafkaCredentials credentials) {
        String admin = KafkaAccess.ADMIN;
        String password = credentials.password(admin);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";";
        props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        props.put("sasl.mechanism.inter.broker.protocol", KafkaCredentials.ADMIN_MECHANISM);
        props.put("sasl.mechanism.controller.protocol", KafkaCredentials.ADMIN_MECHANISM);
        props.put("listener.name.controller.sasl.enabled.mechanisms", KafkaCredentials.ADMIN_MECHANISM);
        props.put("listener.name.controller.plain.sasl.jaas.config", plain);
        props.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", KafkaCredentials.MECHANISM + "," + KafkaCredentials.ADMIN_MECHANISM);
        props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plain);
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + admin);
        props.put("allow.everyone.if.no.acl.found", "false");
    }

    private static void format(Path config, Path dataDir) throws IOException {
        Path clusterIdFile = dataDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int exitCode = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"}, quiet);
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed with " + exitCode);
        }
    }

    private static void exitWithParent(long parentPid) {
        Thread watcher = new Thread(() -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            parent.ifPresent(handle -> handle.onExit().join());
            System.exit(0);
        }, "parent-watcher-" + UUID.randomUUID());
        watcher.setDaemon(true);
        watcher.start();
    }
}
