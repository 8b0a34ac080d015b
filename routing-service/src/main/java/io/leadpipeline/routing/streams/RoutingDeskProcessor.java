package io.leadpipeline.routing.streams;

import java.time.Duration;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.domain.Availability;
import io.leadpipeline.routing.domain.CommandResult;
import io.leadpipeline.routing.domain.DeskEvent;
import io.leadpipeline.routing.domain.LeadFacts;
import io.leadpipeline.routing.domain.RoutingDesk;
import io.leadpipeline.routing.domain.RoutingRules;

/**
 * The routing desk as a Kafka Streams processor: SQL decisions, closers' answers, availability changes and erasures in;
 * handoffs and outcomes out, in the same transaction as the state they change. A wall-clock punctuator expires
 * overdue handoffs and drains the queue (working hours start, out-of-office ends), so timers survive restarts.
 */
final class RoutingDeskProcessor implements Processor<String, DeskInput, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingDeskProcessor.class);
    /** How long a command's result is kept for the HTTP request (and its retries) to read. */
    static final Duration COMMAND_RESULT_RETENTION = Duration.ofHours(1);
    /** In the expiry index, after every time key: set once the results written before the index existed are indexed. */
    private static final String EXPIRY_INDEX_COMPLETE = "~indexed";

    /** Read once per record and tick; a new version gets a new desk over the same state. */
    private final Supplier<RoutingRules> rules;
    private final Duration tickInterval;
    private final RoutingMetrics metrics;
    private final StreamsTracing tracing;
    private ProcessorContext<String, SpecificRecord> context;
    private RoutingDesk desk;
    private RoutingRules deskRules;
    private StoreDeskState state;
    private KeyValueStore<String, QualificationDecided> decisions;
    private KeyValueStore<String, AnsweredCommand> commandResults;
    private KeyValueStore<String, String> commandExpiry;
    /**
     * Set until the desk's first record or tick, which moves a queue written before lanes existed into lanes and indexes
     * command results written before their expiry index existed.
     */
    private StoreDeskState legacyQueue;

    RoutingDeskProcessor(Supplier<RoutingRules> rules, Duration tickInterval, RoutingMetrics metrics, StreamsTracing tracing) {
        this.rules = rules;
        this.tickInterval = tickInterval;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.state = new StoreDeskState(context);
        this.legacyQueue = state;
        currentDesk();
        this.decisions = context.getStateStore(Stores.ROUTED_DECISIONS);
        this.commandResults = context.getStateStore(Stores.COMMAND_RESULTS);
        this.commandExpiry = context.getStateStore(Stores.COMMAND_EXPIRY);
        context.schedule(tickInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
        reportQueue(now());
    }

    @Override
    public void process(Record<String, DeskInput> record) {
        upgradeStateOnce();
        currentDesk();
        Instant now = now();
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("routing-desk");
        // What a record causes carries its trace: a decision's handoff continues the lead's trace from capture.
        try (StreamsTracing.Hop hop = tracing.start(topic, record.headers())) {
            switch (record.value()) {
                case DeskInput.Decision in -> receive(in.decision(), now, hop);
                case DeskInput.Response in -> answer(in.response(), now, hop);
                case DeskInput.AvailabilityChange in -> changeAvailability(in.change(), now, hop);
                case DeskInput.Erasure in -> erase(in.leadId(), in.erasedAt(), now, hop);
            }
        }
    }

    private void receive(QualificationDecided decision, Instant now, StreamsTracing.Hop hop) {
        if (desk.hasSeen(decision.getDecisionId())) {
            return; // a redelivered decision: it already has its handoff (or its place in the queue)
        }
        List<DeskEvent> events = desk.receive(decision.getDecisionId(), decision.getLeadId(), facts(decision), decision.getDecidedAt(), now);
        if (!desk.hasSeen(decision.getDecisionId())) {
            // The desk did not take it: made before the lead's erasure and read after it. Its snapshot (contact details) is not kept.
            LOG.info("Decision {} ignored: made before its lead's erasure", decision.getDecisionId());
            return;
        }
        decisions.put(decision.getDecisionId(), decision); // before publishing: a handoff is built from the snapshot
        publish(events, now, hop);
    }

    private void answer(HandoffResponseSubmitted command, Instant now, StreamsTracing.Hop hop) {
        if (commandResults.get(command.getCommandId()) != null) {
            return; // the same command twice: it was applied once and its result is recorded
        }
        RoutingDesk.Answer answer = switch (command.getResponse()) {
            case ACCEPT -> desk.accept(command.getCommandId(), command.getHandoffId(), now);
            case REJECT -> desk.reject(command.getCommandId(), command.getHandoffId(), rejectionReason(command), command.getNote(), now);
            case OTHER -> new RoutingDesk.Answer(new CommandResult(command.getCommandId(), command.getHandoffId(),
                    CommandResult.Status.NOT_FOUND, null), List.of());
        };
        commandResults.put(command.getCommandId(), new AnsweredCommand(answer.result(), now));
        commandExpiry.put(QueueKeys.timeKey(now, command.getCommandId()), command.getCommandId());
        publish(answer.events(), now, hop);
    }

    private void changeAvailability(CloserAvailabilityChanged change, Instant now, StreamsTracing.Hop hop) {
        Availability availability = new Availability(change.getActive(), change.getOutOfOfficeUntil(), change.getChangeId(), change.getChangedAt());
        publish(desk.changeAvailability(change.getCloserId(), availability, now), now, hop);
    }

    /** The lead's cases, handoffs and the decision snapshots with its contact details go (tombstones in the changelogs). */
    private void erase(String leadId, Instant erasedAt, Instant now, StreamsTracing.Hop hop) {
        RoutingDesk.Erasure erasure = desk.erase(leadId, erasedAt, now);
        erasure.decisionIds().forEach(decisions::delete);
        publish(erasure.events(), now, hop);
    }

    private void tick(long wallClockMillis) {
        upgradeStateOnce();
        currentDesk();
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        publish(desk.tick(now), now, null); // scheduled work (SLA expiry, queue drain) continues no record's trace
        pruneCommandResults(now);
        reportQueue(now);
    }

    /** The desk under the rules of this moment: a new version swaps in a desk over the same state, nothing is lost. */
    private void currentDesk() {
        RoutingRules current = rules.get();
        if (current != deskRules) {
            RoutingRules previous = deskRules;
            deskRules = current;
            desk = new RoutingDesk(current, state);
            if (previous != null) {
                desk.rehomeWaitingLeads(previous.pools().keySet());
            }
        }
    }

    private void upgradeStateOnce() {
        if (legacyQueue != null) {
            legacyQueue.moveLegacyQueueIntoLanes();
            indexLegacyCommandResults();
            legacyQueue = null;
        }
    }

    private void publish(List<DeskEvent> events, Instant now, StreamsTracing.Hop cause) {
        List<String> closedDecisions = new ArrayList<>();
        for (DeskEvent event : events) {
            switch (event) {
                case DeskEvent.HandedOff handedOff -> {
                    var handoff = handedOff.handoff();
                    var closer = deskRules.closer(handoff.closerId()).orElseThrow();
                    context.forward(new Record<>(handoff.leadId(),
                            HandoffEvents.handedOff(handoff, closer, decisions.get(handoff.decisionId()), deskRules.version()),
                            now.toEpochMilli(),
                            traceOf(cause)));
                    metrics.handedOff(handoff.pool(), handoff.strategy(), handedOff.waited());
                    LOG.debug("Lead {} handed off (attempt {}) in pool {}", handoff.leadId(), handoff.attempt(), handoff.pool());
                }
                case DeskEvent.OutcomeRecorded recorded -> {
                    var handoff = recorded.handoff();
                    QualificationDecided decision = decisions.get(handoff.decisionId());
                    context.forward(new Record<>(handoff.leadId(),
                            HandoffEvents.outcome(recorded, decision == null ? null : decision.getLead()), now.toEpochMilli(),
                            traceOf(cause)));
                    metrics.outcome(handoff.pool(), recorded.outcome());
                    if (recorded.outcome() != HandoffOutcomeType.EXPIRED) {
                        closedDecisions.add(handoff.decisionId());
                    }
                }
                case DeskEvent.LeadErased erased -> {
                    metrics.erased();
                    LOG.info("Lead {} erased: {} routing case(s) deleted", erased.leadId(), erased.decisionIds().size());
                }
            }
        }
        closedDecisions.forEach(decisions::delete);
    }

    private static Headers traceOf(StreamsTracing.Hop cause) {
        return cause == null ? new RecordHeaders() : cause.headers();
    }

    /** Drops the results older than the retention: a range over the expiry index, oldest first, not a scan of every result. */
    private void pruneCommandResults(Instant now) {
        List<KeyValue<String, String>> expired = new ArrayList<>();
        // "<cutoff>|" sorts after every key of an earlier time and before every key of the cutoff itself.
        try (KeyValueIterator<String, String> range = commandExpiry.range("0", QueueKeys.timeKey(now.minus(COMMAND_RESULT_RETENTION), ""))) {
            range.forEachRemaining(expired::add);
        }
        for (KeyValue<String, String> entry : expired) {
            commandExpiry.delete(entry.key);
            commandResults.delete(entry.value);
        }
    }

    /** Results written before the expiry index existed get their entry, once ever (a marker records it). */
    private void indexLegacyCommandResults() {
        if (commandExpiry.get(EXPIRY_INDEX_COMPLETE) != null) {
            return;
        }
        try (KeyValueIterator<String, AnsweredCommand> all = commandResults.all()) {
            all.forEachRemaining(entry -> commandExpiry.put(QueueKeys.timeKey(entry.value.answeredAt(), entry.key), entry.key));
        }
        commandExpiry.put(EXPIRY_INDEX_COMPLETE, "true");
    }

    private void reportQueue(Instant now) {
        metrics.queue(desk.waitingByPool(), desk.oldestWaitingSince().map(since -> Duration.between(since, now)));
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    static LeadFacts facts(QualificationDecided decision) {
        ContactDetails contact = decision.getLead().getContact();
        return new LeadFacts(contact.getCountry(), LeadFacts.companySize(contact.getEmployees(), contact.getCompanySize()), contact.getIndustry(),
                decision.getLead().getFormType(), decision.getGrade(), LeadFacts.domainOf(contact.getEmail()));
    }

    private static HandoffRejectionReason rejectionReason(HandoffResponseSubmitted command) {
        if (command.getReasonCode() == null) {
            return HandoffRejectionReason.OTHER;
        }
        try {
            return HandoffRejectionReason.valueOf(command.getReasonCode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return HandoffRejectionReason.OTHER;
        }
    }
}
