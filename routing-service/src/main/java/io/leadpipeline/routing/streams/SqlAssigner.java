package io.leadpipeline.routing.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.CloserRef;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.domain.Closer;
import io.leadpipeline.routing.domain.RoundRobin;

/**
 * Assigns each SQL decision to the next closer in rotation, exactly once per decision. The rotation position
 * lives in a state store, so it survives restarts; each stream task rotates its own share of the leads.
 */
final class SqlAssigner implements Processor<String, QualificationDecided, String, LeadHandedOff> {

    static final String MATCHED_RULE = "default";

    private final String pool;
    private final RoundRobin rotation;
    private final Duration sla;
    private ProcessorContext<String, LeadHandedOff> context;
    private KeyValueStore<String, String> handoffsByDecision;
    private KeyValueStore<String, Long> positions;

    SqlAssigner(String pool, RoundRobin rotation, Duration sla) {
        this.pool = pool;
        this.rotation = rotation;
        this.sla = sla;
    }

    @Override
    public void init(ProcessorContext<String, LeadHandedOff> context) {
        this.context = context;
        this.handoffsByDecision = context.getStateStore(Stores.HANDOFFS_BY_DECISION);
        this.positions = context.getStateStore(Stores.POOL_ROTATION);
    }

    @Override
    public void process(Record<String, QualificationDecided> record) {
        QualificationDecided decision = record.value();
        if (handoffsByDecision.get(decision.getDecisionId()) != null) {
            return; // already handed off: a redelivered decision must not reach a second closer
        }
        long position = Optional.ofNullable(positions.get(pool)).orElse(0L);
        Closer closer = rotation.closerAt(position);
        Instant handedOffAt = Instant.ofEpochMilli(record.timestamp());
        int attempt = 1;
        String handoffId = EventIds.derive("handoff", decision.getDecisionId(), Integer.toString(attempt));
        LeadHandedOff handoff = LeadHandedOff.newBuilder()
                .setHandoffId(handoffId)
                .setLeadId(decision.getLeadId())
                .setDecisionId(decision.getDecisionId())
                .setCloser(new CloserRef(closer.id(), closer.name(), closer.email()))
                .setPool(pool)
                .setMatchedRule(MATCHED_RULE)
                .setStrategy(AssignmentStrategy.ROUND_ROBIN)
                .setAttempt(attempt)
                .setHandedOffAt(handedOffAt)
                .setSlaDueAt(handedOffAt.plus(sla))
                .setLead(decision.getLead())
                .build();
        positions.put(pool, position + 1);
        handoffsByDecision.put(decision.getDecisionId(), handoffId);
        context.forward(new Record<>(decision.getLeadId(), handoff, record.timestamp()));
    }
}
