package io.leadpipeline.nurture.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
import org.jboss.logging.Logger;

import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.domain.Contact;
import io.leadpipeline.nurture.domain.Decision;
import io.leadpipeline.nurture.domain.HandoffOutcome;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.nurture.domain.NurtureEffect;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.domain.NurtureStateMachine;
import io.leadpipeline.nurture.domain.Persona;
import io.leadpipeline.nurture.domain.Transition;

/**
 * The {@link NurtureStateMachine} as a Kafka Streams processor for the leads of one partition: decisions, handoff
 * outcomes and engagements in (co-partitioned by lead id, so one task sees all of a lead's events in order),
 * enrollments and touches out. Touches are driven by a wall-clock punctuator over the schedule store; store updates and
 * output records commit in one exactly-once transaction, so a touch is never lost or written twice across crashes and
 * redelivery.
 */
final class NurtureProcessor implements Processor<String, Object, String, Object> {

    private static final Logger LOG = Logger.getLogger(NurtureProcessor.class);
    /** Bounds one punctuation's transaction; what is left is due again at the next one. */
    private static final int MAX_STEPS_PER_PUNCTUATION = 500;

    /** The live rules: read once per record and once per punctuation, so each is decided under one version. */
    private final Supplier<NurtureRules> rules;
    /** The state machine of the rules last read, rebuilt only when a new version arrives. */
    private NurtureStateMachine nurture;
    private NurtureRules nurtureRules;
    private final Duration checkInterval;
    private final NurtureMetrics metrics;
    private final StreamsTracing tracing;
    /** The hop of the record being processed; null in punctuations (scheduled touches continue no record's trace). */
    private StreamsTracing.Hop current;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, LeadNurture> leads;
    private KeyValueStore<String, ScheduledStep> schedule;
    private KeyValueStore<String, Long> counts;

    NurtureProcessor(Supplier<NurtureRules> rules, Duration checkInterval, NurtureMetrics metrics, StreamsTracing tracing) {
        this.rules = rules;
        this.checkInterval = checkInterval;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.leads = context.getStateStore(Stores.LEADS);
        this.schedule = context.getStateStore(Stores.SCHEDULE);
        this.counts = context.getStateStore(Stores.COUNTS);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::sendDueSteps);
    }

    @Override
    public void process(Record<String, Object> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("nurture");
        try (StreamsTracing.Hop hop = tracing.start(topic, record.headers())) {
            current = hop;
            NurtureStateMachine nurture = machine();
            String version = nurtureRules.version();
            switch (record.value()) {
                case QualificationDecided decision -> apply(decision.getLeadId(),
                        nurture.onDecision(decision.getLeadId(), stored(decision.getLeadId()), decision(decision), at), at, version);
                case HandoffOutcomeRecorded outcome -> apply(outcome.getLeadId(),
                        nurture.onHandoffOutcome(outcome.getLeadId(), stored(outcome.getLeadId()), outcome(outcome), at), at, version);
                case EngagementTracked engagement -> apply(engagement.getLeadId(),
                        nurture.onEngagement(engagement.getLeadId(), stored(engagement.getLeadId()), engagement.getType(), at), at,
                        version);
                case null, default -> LOG.debugf("Ignoring a record of lead %s that nurture does not handle", record.key());
            }
        } finally {
            current = null;
        }
    }

    /** The punctuator: every step due by now is handed to the state machine, at most a bounded batch per punctuation. */
    private void sendDueSteps(long nowMillis) {
        List<KeyValue<String, ScheduledStep>> due = new ArrayList<>();
        try (KeyValueIterator<String, ScheduledStep> it = schedule.range(ScheduledStep.key(0, ""), ScheduledStep.lastKeyDueBy(nowMillis))) {
            while (it.hasNext() && due.size() < MAX_STEPS_PER_PUNCTUATION) {
                due.add(it.next());
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        NurtureStateMachine nurture = machine();
        String version = nurtureRules.version();
        for (KeyValue<String, ScheduledStep> entry : due) {
            schedule.delete(entry.key);
            ScheduledStep step = entry.value;
            apply(step.leadId(), nurture.onStepDue(stored(step.leadId()), step.enrollmentId(), step.step(), now), now, version);
        }
    }

    /** The state machine for the current rules (read once here, by the caller's record or punctuation). */
    private NurtureStateMachine machine() {
        NurtureRules latest = rules.get();
        if (nurture == null || latest != nurtureRules) {
            nurture = new NurtureStateMachine(latest);
            nurtureRules = latest;
        }
        return nurture;
    }

    /**
     * Carries out what the state machine decided, in its order, then stores the lead's new state; every enrollment
     * change and touch carries {@code rulesVersion}, the version of the rules the decision was made under.
     */
    private void apply(String leadId, Transition transition, Instant at, String rulesVersion) {
        for (NurtureEffect effect : transition.effects()) {
            switch (effect) {
                case NurtureEffect.Enrolled enrolled -> {
                    var enrollment = enrolled.enrollment();
                    add(Stores.activeCountKey(enrollment.track()), 1);
                    forward(leadId, NurtureEvents.enrolled(leadId, enrollment, rulesVersion), at, trace(), NurtureTopology.ENROLLMENTS_SINK);
                    metrics.enrolled(enrollment.track(), enrollment.reason(), enrollment.suppressed());
                }
                case NurtureEffect.Exited exited -> {
                    var enrollment = exited.enrollment();
                    add(Stores.activeCountKey(enrollment.track()), -1);
                    forward(leadId, NurtureEvents.exited(leadId, enrollment, rulesVersion), at, trace(), NurtureTopology.ENROLLMENTS_SINK);
                    metrics.exited(enrollment.track(), enrollment.exitReason());
                }
                case NurtureEffect.StepScheduled scheduled -> schedule.put(ScheduledStep.key(scheduled.dueAt().toEpochMilli(), leadId),
                        new ScheduledStep(leadId, scheduled.enrollmentId(), scheduled.step()));
                case NurtureEffect.StepCancelled cancelled -> schedule.delete(ScheduledStep.key(cancelled.dueAt().toEpochMilli(), leadId));
                case NurtureEffect.TouchSent sent -> {
                    // A touch is scheduled work: it continues no record's trace.
                    forward(leadId, NurtureEvents.touchDue(leadId, sent.enrollment(), sent.touch(), sent.recipient(), rulesVersion), at,
                            new RecordHeaders(), NurtureTopology.TOUCHES_SINK);
                    metrics.touched(sent.enrollment().track(), true);
                }
                case NurtureEffect.TouchWithheld withheld -> metrics.touched(withheld.enrollment().track(), false);
                case NurtureEffect.Parked parked -> {
                    add(Stores.PARKED_COUNT, 1);
                    metrics.parked();
                    LOG.infof("Lead %s rejected again after %d nurture cycles: parked", leadId, parked.cycles());
                }
                case NurtureEffect.NotEnrolled skipped -> {
                    metrics.skipped(skipped.verdict().name());
                    LOG.debugf("Lead %s not enrolled: %s", leadId, skipped.verdict());
                }
                case NurtureEffect.NoTrackServes none -> LOG.warnf("No track serves %s for lead %s; not enrolled", none.reason(), leadId);
            }
        }
        transition.state().ifPresent(state -> leads.put(leadId, state));
    }

    private Optional<LeadNurture> stored(String leadId) {
        return Optional.ofNullable(leads.get(leadId));
    }

    private void forward(String leadId, Object event, Instant at, Headers headers, String sink) {
        context.forward(new Record<>(leadId, event, at.toEpochMilli(), headers), sink);
    }

    /** Trace headers for an event caused by the record being processed (none for scheduled work). */
    private Headers trace() {
        return current == null ? new RecordHeaders() : current.headers();
    }

    private void add(String key, long delta) {
        Long count = counts.get(key);
        counts.put(key, (count == null ? 0 : count) + delta);
    }

    private static Decision decision(QualificationDecided decision) {
        return new Decision(decision.getDecisionId(), decision.getStage(), decision.getRejectionReason(),
                persona(decision.getGrade(), decision.getLead()), contact(decision.getLead()));
    }

    private static HandoffOutcome outcome(HandoffOutcomeRecorded outcome) {
        LeadSnapshot lead = outcome.getLead();
        return new HandoffOutcome(outcome.getOutcomeId(), outcome.getOutcome(), persona(lead == null ? null : lead.getGrade(), lead),
                contact(lead));
    }

    /** A decision is targeted on its own grade; a handoff outcome on its snapshot's (none without a snapshot). */
    private static Persona persona(Grade grade, LeadSnapshot lead) {
        if (lead == null) {
            return new Persona(grade, null, null);
        }
        return new Persona(grade, lead.getContact() == null ? null : lead.getContact().getIndustry(), lead.getFormType());
    }

    /** The snapshot's contact details and consent, or null when it has none (what nurture kept then stays). */
    private static Contact contact(LeadSnapshot snapshot) {
        if (snapshot == null || snapshot.getContact() == null) {
            return null;
        }
        var contact = snapshot.getContact();
        boolean optIn = snapshot.getConsent() != null && snapshot.getConsent().getMarketingOptIn();
        return new Contact(contact.getEmail(), contact.getFirstName(), contact.getLastName(), contact.getCountry(), optIn);
    }
}
