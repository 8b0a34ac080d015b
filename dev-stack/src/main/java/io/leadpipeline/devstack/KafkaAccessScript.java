package io.leadpipeline.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * docker-compose's copy of {@link KafkaAccess}: writes {@code docker/kafka-access.sh}, a POSIX shell script that does
 * there what {@link KafkaCredentials} and {@link KafkaAccessSetup} do for {@code ./pipeline up} (containers have no
 * JVM with our classes, only OpenSSL and Kafka's own CLI). Generated, not hand-kept, so the two cannot drift:
 * {@code KafkaAccessScriptTest} fails when the committed script is not what this writes; regenerate with
 * {@code java -cp "$(cat dev-stack/target/classpath.txt):dev-stack/target/classes" io.leadpipeline.devstack.KafkaAccessScript > docker/kafka-access.sh}.
 */
public final class KafkaAccessScript {

    /** The user the services' images run as (Quarkus' UBI OpenJDK images) and the one apache/kafka runs as. */
    static final int SERVICE_UID = 185;
    static final int BROKER_UID = 1000;

    private KafkaAccessScript() {
    }

    public static void main(String[] args) {
        System.out.print(script());
    }

    public static String script() {
        String principals = KafkaAccess.PRINCIPALS.stream().map(KafkaAccess.Principal::name).collect(Collectors.joining(" "));
        StringBuilder grants = new StringBuilder();
        grouped().forEach((key, operations) -> grants.append("  acl ").append(key).append(' ')
                .append(String.join(" ", operations)).append('\n'));
        String owners = KafkaAccess.owners().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        return """
                #!/bin/sh
                # GENERATED from dev-stack's KafkaAccess table by KafkaAccessScript: do not edit (KafkaAccessScriptTest checks it).
                # docker-compose's Kafka sign-in and ACLs, the same model as ./pipeline up (docs/security.md), in two steps:
                #   kafka-access.sh credentials DIR       before the broker starts (alpine/openssl): a random password per principal,
                #                                         each service's kafka.* sign-in file, the broker's JAAS file
                #   kafka-access.sh grant DIR BOOTSTRAP   once the broker is up (apache/kafka, as root): SCRAM users and the ACLs
                set -eu
                PRINCIPALS="%s"
                SERVICE_UID=%d
                BROKER_UID=%d

                # file owner text: written owner-only, for the one container user that reads it
                write() {
                  umask 077
                  printf '%%s\\n' "$3" > "$1.new"
                  chown "$2" "$1.new"
                  mv "$1.new" "$1"
                }

                credentials() {
                  dir="$1"
                  mkdir -p "$dir"
                  for p in admin $PRINCIPALS; do
                    if [ ! -s "$dir/$p.password" ]; then
                      (umask 077; openssl rand -base64 33 | tr -d '\\n/+=' > "$dir/$p.password")
                    fi
                  done
                  for p in $PRINCIPALS; do
                    write "$dir/$p.properties" "$SERVICE_UID" "kafka.security.protocol=SASL_PLAINTEXT
                kafka.sasl.mechanism=SCRAM-SHA-512
                kafka.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"$p\\" password=\\"$(cat "$dir/$p.password")\\";"
                  done
                  admin="$(cat "$dir/admin.password")"
                  write "$dir/admin-client.properties" "$BROKER_UID" "security.protocol=SASL_PLAINTEXT
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"admin\\" password=\\"$admin\\";"
                  write "$dir/broker-jaas.conf" "$BROKER_UID" "KafkaServer {
                  org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"admin\\" password=\\"$admin\\" user_admin=\\"$admin\\";
                  org.apache.kafka.common.security.scram.ScramLoginModule required;
                };"
                  printf '%%s\\n' "%s" > "$dir/owners.properties"
                }

                # principal resource-type name pattern-type operation...
                acl() {
                  principal="$1" kind="$2" name="$3" pattern="$4"
                  shift 4
                  operations=""
                  for operation in "$@"; do operations="$operations --operation $operation"; done
                  # shellcheck disable=SC2086 # one word per option
                  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$DIR/admin-client.properties" \\
                    --add --allow-principal "User:$principal" $operations "--$kind" "$name" --resource-pattern-type "$pattern" > /dev/null
                }

                grant() {
                  DIR="$1" BOOTSTRAP="$2"
                  for p in $PRINCIPALS; do
                    /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config "$DIR/admin-client.properties" \\
                      --alter --entity-type users --entity-name "$p" \\
                      --add-config "SCRAM-SHA-512=[iterations=8192,password=$(cat "$DIR/$p.password")]" > /dev/null
                  done
                %s}

                case "${1:-}" in
                  credentials) credentials "$2" ;;
                  grant) grant "$2" "$3" ;;
                  *) echo "usage: kafka-access.sh credentials DIR | grant DIR BOOTSTRAP" >&2; exit 2 ;;
                esac
                """.formatted(principals, SERVICE_UID, BROKER_UID, owners, grants);
    }

    /** The table's bindings as one {@code acl} line per principal and resource, its operations together. */
    private static Map<String, List<String>> grouped() {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (AclBinding binding : KafkaAccess.bindings()) {
            ResourcePattern resource = binding.pattern();
            String kind = switch (resource.resourceType()) {
                case TOPIC -> "topic";
                case GROUP -> "group";
                case TRANSACTIONAL_ID -> "transactional-id";
                default -> throw new IllegalStateException("No kafka-acls.sh option for " + resource.resourceType());
            };
            String key = binding.entry().principal().substring("User:".length()) + " " + kind + " " + resource.name() + " "
                    + resource.patternType().name();
            lines.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(binding.entry().operation().name());
        }
        return lines;
    }
}
