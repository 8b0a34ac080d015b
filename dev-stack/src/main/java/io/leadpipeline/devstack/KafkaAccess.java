package io.leadpipeline.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker: one row per Kafka principal, the only place the pipeline's ACLs are written down.
 * {@link KafkaAccessSetup} turns it into SCRAM users and ACL bindings for {@code ./pipeline up} and the system tests,
 * and {@link KafkaAccessScript} into the script docker-compose runs. The broker denies everything not granted here
 * ({@code allow.everyone.if.no.acl.found=false}); only the broker's own {@value #ADMIN} is a super user.
 * <p>
 * A service writes only the topics it owns (the single-writer rule of DESIGN.md, now enforced by the broker), reads
 * only what it consumes, writes the dead-letter topics of what it consumes (several services may dead-letter the same
 * input, so those have several writers), and uses only its own consumer group, internal topics and transactional ids
 * (all prefixed with its Kafka Streams application id). It may create the topics it touches, so services start in
 * any order. The ops console and the operator's {@code ./pipeline tail} / {@code dlq list} only read.
 */
public final class KafkaAccess {

    /** The broker's own principal (inter-broker and controller traffic, and this setup): the only super user. */
    public static final String ADMIN = "admin";
    /** {@code ./pipeline tail} and {@code ./pipeline dlq list}: reads every pipeline topic, writes none. */
    public static final String OPERATOR = "operator";
    public static final String OPS_CONSOLE = "ops-console";

    static final String TOPIC_PREFIX = "lead.";
    static final String DEAD_LETTER_SUFFIX = ".dlq";
    /** The ledger {@code ./pipeline dlq replay} writes beside each replayed record, in the same transaction. */
    static final String REPLAYS_TOPIC = "lead.dlq-replays";
    /**
     * The business rules (compacted, key = rule set): every service publishes the rule sets it owns and every instance
     * reads the whole topic with assigned partitions (no consumer group), so it has one writer per rule set, not per topic.
     */
    static final String RULES_TOPIC = "lead.rules";
    /** {@code ./pipeline dlq replay} signs in as the source topic's owner and uses this transactional-id prefix. */
    static final String REPLAY_TRANSACTIONAL_PREFIX = "lead-pipeline-dlq-replay-";

    /**
     * One principal: the topics it alone writes, the topics it reads, the prefix of its consumer groups (null for none),
     * whether it is a Kafka Streams app (then its internal topics and transactional ids share that prefix), and the
     * groups of others it may describe.
     */
    public record Principal(String name, List<String> owns, List<String> reads, String groupPrefix, boolean streamsApp,
            List<String> describesGroups) {

        public Principal {
            owns = List.copyOf(owns);
            reads = List.copyOf(reads);
            describesGroups = List.copyOf(describesGroups);
        }
    }

    private static final String CONVERSIONS = "lead.conversions";
    private static final String ENGAGEMENTS = "lead.engagements";
    private static final String DECISIONS = "lead.decisions";
    private static final String HANDOFFS = "lead.handoffs";
    private static final String HANDOFF_OUTCOMES = "lead.handoff-outcomes";
    private static final String HANDOFF_RESPONSES = "lead.handoff-responses";
    private static final String CLOSER_AVAILABILITY = "lead.closer-availability";
    private static final String NURTURE_ENROLLMENTS = "lead.nurture-enrollments";
    private static final String NURTURE_TOUCHES = "lead.nurture-touches";

    /** Every principal but {@link #ADMIN}, in the order the services start. */
    public static final List<Principal> PRINCIPALS = List.of(
            new Principal("capture-service", List.of(CONVERSIONS, ENGAGEMENTS), List.of(), null, false, List.of()),
            new Principal("qualification-service", List.of(DECISIONS),
                    List.of(CONVERSIONS, ENGAGEMENTS, HANDOFF_OUTCOMES, NURTURE_ENROLLMENTS), "qualification-service", true, List.of()),
            // routing reads back its own handoff responses and closer availability: the HTTP API writes them, the desk applies them.
            new Principal("routing-service", List.of(HANDOFFS, HANDOFF_OUTCOMES, HANDOFF_RESPONSES, CLOSER_AVAILABILITY),
                    List.of(DECISIONS, HANDOFF_RESPONSES, CLOSER_AVAILABILITY, ENGAGEMENTS), "routing-service", true, List.of()),
            new Principal("nurture-service", List.of(NURTURE_ENROLLMENTS, NURTURE_TOUCHES),
                    List.of(DECISIONS, HANDOFF_OUTCOMES, ENGAGEMENTS), "nurture-service", true, List.of()),
            // The console reads every lead.* topic by pattern and shows the services' consumer lag.
            new Principal(OPS_CONSOLE, List.of(), List.of(), OPS_CONSOLE, false,
                    List.of("qualification-service", "routing-service", "nurture-service")),
            new Principal(OPERATOR, List.of(), List.of(), null, false, List.of()));

    private KafkaAccess() {
    }

    public static Principal principal(String name) {
        return PRINCIPALS.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka principal " + name));
    }

    /** The principal that alone writes {@code topic}, by topic. */
    public static Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        PRINCIPALS.forEach(p -> p.owns().forEach(topic -> owners.put(topic, p.name())));
        return owners;
    }

    /** Every ACL binding the table grants. */
    public static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Principal p : PRINCIPALS) {
            for (String topic : p.owns()) {
                topic(bindings, p, topic, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
                // dlq replay writes a dead letter back to its source topic as that topic's owner, with a marker in the ledger.
                String replayId = REPLAY_TRANSACTIONAL_PREFIX + topic + DEAD_LETTER_SUFFIX;
                allow(bindings, p, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, replayId, PatternType.LITERAL),
                        AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            if (!p.owns().isEmpty()) {
                topic(bindings, p, RULES_TOPIC, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
                topic(bindings, p, REPLAYS_TOPIC, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
            }
            for (String topic : p.reads()) {
                topic(bindings, p, topic, AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE);
                topic(bindings, p, topic + DEAD_LETTER_SUFFIX, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
            }
            if (p.groupPrefix() != null) {
                ResourcePattern group = new ResourcePattern(ResourceType.GROUP, p.groupPrefix(), PatternType.PREFIXED);
                allow(bindings, p, group, AclOperation.READ, AclOperation.DESCRIBE);
            }
            if (p.streamsApp()) {
                // Kafka Streams' changelog and repartition topics and its exactly-once transactional ids: <application.id>-...
                ResourcePattern internal = new ResourcePattern(ResourceType.TOPIC, p.groupPrefix() + "-", PatternType.PREFIXED);
                allow(bindings, p, internal, AclOperation.ALL);
                ResourcePattern transactions = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, p.groupPrefix(), PatternType.PREFIXED);
                allow(bindings, p, transactions, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            for (String group : p.describesGroups()) {
                allow(bindings, p, new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL), AclOperation.DESCRIBE);
            }
            if (p.name().equals(OPS_CONSOLE) || p.name().equals(OPERATOR)) {
                allow(bindings, p, new ResourcePattern(ResourceType.TOPIC, TOPIC_PREFIX, PatternType.PREFIXED),
                        AclOperation.READ, AclOperation.DESCRIBE);
            }
        }
        return bindings;
    }

    private static void topic(List<AclBinding> bindings, Principal p, String topic, AclOperation... operations) {
        allow(bindings, p, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operations);
    }

    private static void allow(List<AclBinding> bindings, Principal p, ResourcePattern resource, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + p.name(), "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
