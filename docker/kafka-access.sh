#!/bin/sh
# GENERATED from dev-stack's KafkaAccess table by KafkaAccessScript: do not edit (KafkaAccessScriptTest checks it).
# docker-compose's Kafka sign-in and ACLs, the same model as ./pipeline up (docs/security.md), in two steps:
#   kafka-access.sh credentials DIR       before the broker starts (alpine/openssl): a random password per principal,
#                                         each service's kafka.* sign-in file, the broker's JAAS file
#   kafka-access.sh grant DIR BOOTSTRAP   once the broker is up (apache/kafka, as root): SCRAM users and the ACLs
set -eu
PRINCIPALS="capture-service qualification-service routing-service nurture-service ops-console operator"
SERVICE_UID=185
BROKER_UID=1000

# file owner text: written owner-only, for the one container user that reads it
write() {
  umask 077
  printf '%s\n' "$3" > "$1.new"
  chown "$2" "$1.new"
  mv "$1.new" "$1"
}

credentials() {
  dir="$1"
  mkdir -p "$dir"
  for p in admin $PRINCIPALS; do
    if [ ! -s "$dir/$p.password" ]; then
      (umask 077; openssl rand -base64 33 | tr -d '\n/+=' > "$dir/$p.password")
    fi
  done
  for p in $PRINCIPALS; do
    write "$dir/$p.properties" "$SERVICE_UID" "kafka.security.protocol=SASL_PLAINTEXT
kafka.sasl.mechanism=SCRAM-SHA-512
kafka.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$p\" password=\"$(cat "$dir/$p.password")\";"
  done
  admin="$(cat "$dir/admin.password")"
  write "$dir/admin-client.properties" "$BROKER_UID" "security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$admin\";"
  write "$dir/broker-jaas.conf" "$BROKER_UID" "KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$admin\" user_admin=\"$admin\";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};"
  printf '%s\n' "lead.conversions=capture-service
lead.engagements=capture-service
lead.decisions=qualification-service
lead.handoffs=routing-service
lead.handoff-outcomes=routing-service
lead.handoff-responses=routing-service
lead.closer-availability=routing-service
lead.nurture-enrollments=nurture-service
lead.nurture-touches=nurture-service" > "$dir/owners.properties"
}

# principal resource-type name pattern-type operation...
acl() {
  principal="$1" kind="$2" name="$3" pattern="$4"
  shift 4
  operations=""
  for operation in "$@"; do operations="$operations --operation $operation"; done
  # shellcheck disable=SC2086 # one word per option
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$DIR/admin-client.properties" \
    --add --allow-principal "User:$principal" $operations "--$kind" "$name" --resource-pattern-type "$pattern" > /dev/null
}

grant() {
  DIR="$1" BOOTSTRAP="$2"
  for p in $PRINCIPALS; do
    /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config "$DIR/admin-client.properties" \
      --alter --entity-type users --entity-name "$p" \
      --add-config "SCRAM-SHA-512=[iterations=8192,password=$(cat "$DIR/$p.password")]" > /dev/null
  done
  acl capture-service topic lead.conversions LITERAL WRITE DESCRIBE CREATE
  acl capture-service transactional-id lead-pipeline-dlq-replay-lead.conversions.dlq LITERAL WRITE DESCRIBE
  acl capture-service topic lead.engagements LITERAL WRITE DESCRIBE CREATE
  acl capture-service transactional-id lead-pipeline-dlq-replay-lead.engagements.dlq LITERAL WRITE DESCRIBE
  acl capture-service topic lead.rules LITERAL READ WRITE DESCRIBE CREATE
  acl capture-service topic lead.dlq-replays LITERAL WRITE DESCRIBE CREATE
  acl qualification-service topic lead.decisions LITERAL WRITE DESCRIBE CREATE
  acl qualification-service transactional-id lead-pipeline-dlq-replay-lead.decisions.dlq LITERAL WRITE DESCRIBE
  acl qualification-service topic lead.rules LITERAL READ WRITE DESCRIBE CREATE
  acl qualification-service topic lead.dlq-replays LITERAL WRITE DESCRIBE CREATE
  acl qualification-service topic lead.conversions LITERAL READ DESCRIBE CREATE
  acl qualification-service topic lead.conversions.dlq LITERAL WRITE DESCRIBE CREATE
  acl qualification-service topic lead.engagements LITERAL READ DESCRIBE CREATE
  acl qualification-service topic lead.engagements.dlq LITERAL WRITE DESCRIBE CREATE
  acl qualification-service topic lead.handoff-outcomes LITERAL READ DESCRIBE CREATE
  acl qualification-service topic lead.handoff-outcomes.dlq LITERAL WRITE DESCRIBE CREATE
  acl qualification-service topic lead.nurture-enrollments LITERAL READ DESCRIBE CREATE
  acl qualification-service topic lead.nurture-enrollments.dlq LITERAL WRITE DESCRIBE CREATE
  acl qualification-service group qualification-service PREFIXED READ DESCRIBE
  acl qualification-service topic qualification-service- PREFIXED ALL
  acl qualification-service transactional-id qualification-service PREFIXED WRITE DESCRIBE
  acl routing-service topic lead.handoffs LITERAL WRITE DESCRIBE CREATE
  acl routing-service transactional-id lead-pipeline-dlq-replay-lead.handoffs.dlq LITERAL WRITE DESCRIBE
  acl routing-service topic lead.handoff-outcomes LITERAL WRITE DESCRIBE CREATE
  acl routing-service transactional-id lead-pipeline-dlq-replay-lead.handoff-outcomes.dlq LITERAL WRITE DESCRIBE
  acl routing-service topic lead.handoff-responses LITERAL WRITE DESCRIBE CREATE READ DESCRIBE CREATE
  acl routing-service transactional-id lead-pipeline-dlq-replay-lead.handoff-responses.dlq LITERAL WRITE DESCRIBE
  acl routing-service topic lead.closer-availability LITERAL WRITE DESCRIBE CREATE READ DESCRIBE CREATE
  acl routing-service transactional-id lead-pipeline-dlq-replay-lead.closer-availability.dlq LITERAL WRITE DESCRIBE
  acl routing-service topic lead.rules LITERAL READ WRITE DESCRIBE CREATE
  acl routing-service topic lead.dlq-replays LITERAL WRITE DESCRIBE CREATE
  acl routing-service topic lead.decisions LITERAL READ DESCRIBE CREATE
  acl routing-service topic lead.decisions.dlq LITERAL WRITE DESCRIBE CREATE
  acl routing-service topic lead.handoff-responses.dlq LITERAL WRITE DESCRIBE CREATE
  acl routing-service topic lead.closer-availability.dlq LITERAL WRITE DESCRIBE CREATE
  acl routing-service topic lead.engagements LITERAL READ DESCRIBE CREATE
  acl routing-service topic lead.engagements.dlq LITERAL WRITE DESCRIBE CREATE
  acl routing-service group routing-service PREFIXED READ DESCRIBE
  acl routing-service topic routing-service- PREFIXED ALL
  acl routing-service transactional-id routing-service PREFIXED WRITE DESCRIBE
  acl nurture-service topic lead.nurture-enrollments LITERAL WRITE DESCRIBE CREATE
  acl nurture-service transactional-id lead-pipeline-dlq-replay-lead.nurture-enrollments.dlq LITERAL WRITE DESCRIBE
  acl nurture-service topic lead.nurture-touches LITERAL WRITE DESCRIBE CREATE
  acl nurture-service transactional-id lead-pipeline-dlq-replay-lead.nurture-touches.dlq LITERAL WRITE DESCRIBE
  acl nurture-service topic lead.rules LITERAL READ WRITE DESCRIBE CREATE
  acl nurture-service topic lead.dlq-replays LITERAL WRITE DESCRIBE CREATE
  acl nurture-service topic lead.decisions LITERAL READ DESCRIBE CREATE
  acl nurture-service topic lead.decisions.dlq LITERAL WRITE DESCRIBE CREATE
  acl nurture-service topic lead.handoff-outcomes LITERAL READ DESCRIBE CREATE
  acl nurture-service topic lead.handoff-outcomes.dlq LITERAL WRITE DESCRIBE CREATE
  acl nurture-service topic lead.engagements LITERAL READ DESCRIBE CREATE
  acl nurture-service topic lead.engagements.dlq LITERAL WRITE DESCRIBE CREATE
  acl nurture-service group nurture-service PREFIXED READ DESCRIBE
  acl nurture-service topic nurture-service- PREFIXED ALL
  acl nurture-service transactional-id nurture-service PREFIXED WRITE DESCRIBE
  acl ops-console group ops-console PREFIXED READ DESCRIBE
  acl ops-console group qualification-service LITERAL DESCRIBE
  acl ops-console group routing-service LITERAL DESCRIBE
  acl ops-console group nurture-service LITERAL DESCRIBE
  acl ops-console topic lead. PREFIXED READ DESCRIBE
  acl operator topic lead. PREFIXED READ DESCRIBE
}

case "${1:-}" in
  credentials) credentials "$2" ;;
  grant) grant "$2" "$3" ;;
  *) echo "usage: kafka-access.sh credentials DIR | grant DIR BOOTSTRAP" >&2; exit 2 ;;
esac
