package io.leadpipeline.routing.config;

/** Kafka Streams state store names; all belong to the single routing-desk task. */
public final class Stores {

    /** decisionId → its routing case (also makes a redelivered decision a no-op). */
    public static final String ROUTING_CASES = "routing-cases";
    /** decisionId → the SQL decision (lead snapshot and reasons), kept until a closer accepts or rejects it. */
    public static final String ROUTED_DECISIONS = "routed-decisions";
    /** handoffId → the handoff and its status. */
    public static final String HANDOFFS = "handoffs";
    /** closerId → open (unanswered) handoffs. */
    public static final String CLOSER_LOAD = "closer-load";
    /** closerId → availability set over the API. */
    public static final String CLOSER_AVAILABILITY = "closer-availability";
    /** poolId → turn order and weighted credits. */
    public static final String POOL_ROTATION = "pool-rotation";
    /** company domain → the closer who owns the account. */
    public static final String ACCOUNT_OWNERS = "account-owners";
    /** company domain → the lead whose accepted handoff made its owner (an erasure of that lead forgets the owner). */
    public static final String ACCOUNT_OWNER_SOURCES = "account-owner-sources";
    /** leadId → the decision ids of its routing cases: what an erasure of the lead deletes. */
    public static final String LEAD_CASES = "lead-cases";
    /**
     * leadId → when the lead was last erased (epoch millis). Only the id and the time, no personal data: so that a
     * decision made before the erasure and read after it is not routed, however late (as qualification-service's store
     * of the same name).
     */
    public static final String ERASED_LEADS = "erased-leads";
    /** "lane|queuedSince|decisionId" → decisionId: the waiting leads, each lane oldest first (see QueueLanes). */
    public static final String WAITING_LEADS = "waiting-leads";
    /** lane → how many leads wait in it. */
    public static final String QUEUE_LANE_SIZES = "queue-lane-sizes";
    /** "slaDueAt|handoffId" → handoffId: pending SLA timers, earliest first. */
    public static final String SLA_TIMERS = "sla-timers";
    /** commandId → what the desk made of a closer's accept / reject, for the HTTP request waiting on it. */
    public static final String COMMAND_RESULTS = "command-results";
    /** "answeredAt|commandId" → commandId: when each command result expires, oldest first. */
    public static final String COMMAND_EXPIRY = "command-expiry";

    private Stores() {
    }
}
