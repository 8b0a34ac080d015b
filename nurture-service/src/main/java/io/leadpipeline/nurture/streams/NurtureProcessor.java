package io.leadpipeline.nurture.streams;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.SuppressionReason;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.domain.Cadence;
import io.leadpipeline.nurture.domain.Contact;
import io.leadpipeline.nurture.domain.Disqualification;
import io.leadpipeline.nurture.domain.Enrollment;
import io.leadpipeline.nurture.domain.EnrollmentPolicy;
import io.leadpipeline.nurture.domain.EnrollmentVerdict;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.domain.Persona;
import io.leadpipeline.nurture.domain.Touch;
import io.leadpipeline.nurture.domain.TouchStatus;
import io.leadpipeline.nurture.domain.Track;
import io.leadpipeline.nurture.domain.TrackSelector;

/**
 * The whole nurture state machine for the leads of one partition: decisions, handoff outcomes and engagements in
 * (co-partitioned by lead id, so one task sees all of a lead's events in order), enrollments and touches out.
 * Touches are driven by a wall-clock punctuator over the schedule store; store updates and output records commit
 * in one exactly-once transaction, so a touch is never lost or written twice across crashes and redelivery.
 */
final class NurtureProcessor implements Processor<String, Object, String, Object> {

    private static final Logger LOG = Logger.getLogger(NurtureProcessor.class);
    /** Bounds one punctuation's transaction; what is left is due again at the next one. */
    private static final int MAX_STEPS_PER_PUNCTUATION = 500;

    private final NurtureRules rules;
    private final TrackSelector selector;
    private final EnrollmentPolicy policy;
    private final Duration checkInterval;
    private final NurtureMetrics metrics;
    private final StreamsTracing tracing;
    /** The hop of the record being processed; null in punctuations (scheduled touches continue no record's trace). */
    private StreamsTracing.Hop current;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, LeadNurture> leads;
    private KeyValueStore<String, ScheduledStep> schedule;
    private KeyValueStore<String, Long> counts;

    NurtureProcessor(NurtureRules rules, Duration checkInterval, NurtureMetrics metrics, StreamsTracing tracing) {
        this.rules = rules;
        this.selector = new TrackSelector(rules.tracks());
        this.policy = new EnrollmentPolicy(rules.reenrollment());
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
            switch (record.value()) {
                case QualificationDecided decision -> onDecision(decision, at);
                case HandoffOutcomeRecorded outcome -> onHandoffOutcome(outcome, at);
                case EngagementTracked engagement -> onEngagement(engagement, at);
                case null, default -> LOG.debugf("Ignoring a record of lead %s that nurture does not handle", record.key());
            }
        } finally {
            current = null;
        }
    }

    /** Trace headers for an event caused by the record being processed (none for scheduled work). */
    private Headers trace() {
        return current == null ? new RecordHeaders() : current.headers();
    }

    private void onDecision(QualificationDecided decision, Instant at) {
        String leadId = decision.getLeadId();
        if (decision.getStage() == LeadStage.MQL || decision.getStage() == LeadStage.SQL) {
            requalify(leadId, at, decision.getLead());
            return;
        }
        if (Disqualification.disqualifies(decision.getRejectionReason())) {
            disqualify(decision, at);
            return;
        }
        Optional<NurtureEnrollmentReason> reason = TrackSelector.nurturable(decision.getRejectionReason());
        if (reason.isEmpty()) {
            return; // OTHER (or no reason): nothing nurture has a track for
        }
        LeadSnapshot lead = decision.getLead();
        enroll(leadId, reason.get(), new Persona(decision.getGrade(), lead.getContact().getIndustry(), lead.getFormType()),
                lead, decision.getDecisionId(), at);
    }

    private void onHandoffOutcome(HandoffOutcomeRecorded outcome, Instant at) {
        switch (outcome.getOutcome()) {
            case ACCEPTED -> exitIfActive(outcome.getLeadId(), NurtureExitReason.HANDED_OFF, at, outcome.getLead());
            case REJECTED -> {
                LeadSnapshot lead = outcome.getLead();
                Persona persona = lead == null ? new Persona(null, null, null)
                        : new Persona(lead.getGrade(), lead.getContact().getIndustry(), lead.getFormType());
                enroll(outcome.getLeadId(), NurtureEnrollmentReason.CLOSER_REJECTED, persona, lead, outcome.getOutcomeId(), at);
            }
            default -> {
                // expired or reassigned: the lead is still on its way to a closer
            }
        }
    }

    private void onEngagement(EngagementTracked engagement, Instant at) {
        String leadId = engagement.getLeadId();
        switch (engagement.getType()) {
            case UNSUBSCRIBED -> {
                LeadNurture lead = Optional.ofNullable(leads.get(leadId)).orElse(LeadNurture.unknown(leadId));
                if (lead.unsubscribed()) {
                    return;
                }
                // Remembered even for a lead never enrolled: an unsubscribe is permanent.
                lead = exit(lead, NurtureExitReason.UNSUBSCRIBED, at).unsubscribe();
                leads.put(leadId, lead);
            }
            case ERASURE_REQUESTED -> {
                LeadNurture lead = leads.get(leadId);
                if (lead == null || (lead.erased() && lead.contact() == null)) {
                    return; // nothing personal kept about it
                }
                leads.put(leadId, exit(lead, NurtureExitReason.ERASED, at).erase());
            }
            default -> {
                // nurture reacts to the decision qualification makes from an engagement, not to the engagement
            }
        }
    }

    private void enroll(String leadId, NurtureEnrollmentReason reason, Persona persona, LeadSnapshot snapshot,
            String sourceEventId, Instant at) {
        LeadNurture lead = Optional.ofNullable(leads.get(leadId)).orElse(LeadNurture.unknown(leadId));
        lead = refreshContact(lead, snapshot);
        EnrollmentVerdict verdict = policy.decide(lead, sourceEventId, at);
        switch (verdict) {
            case ENROLL -> {
                Optional<Track> chosen = selector.select(reason, persona);
                if (chosen.isEmpty()) {
                    // Cannot happen with validated rules (every reason has a catch-all track); kept for safety.
                    LOG.warnf("No track serves %s for lead %s; not enrolled", reason, leadId);
                    return;
                }
                Track track = chosen.get();
                int cycle = EnrollmentPolicy.nextCycle(lead);
                String enrollmentId = NurtureEvents.enrollmentId(leadId, sourceEventId);
                Instant firstDue = Cadence.firstDue(track, at, timezone(lead));
                Enrollment enrollment = new Enrollment(enrollmentId, track.id(), reason, cycle, sourceEventId, at,
                        suppression(lead), List.of(), 1, firstDue, null, null);
                schedule.put(ScheduledStep.key(firstDue.toEpochMilli(), leadId), new ScheduledStep(leadId, enrollmentId, 1));
                leads.put(leadId, lead.withEnrollment(enrollment));
                add(Stores.activeCountKey(track.id()), 1);
                context.forward(new Record<>(leadId, NurtureEvents.enrolled(leadId, enrollment), at.toEpochMilli(), trace()),
                        NurtureTopology.ENROLLMENTS_SINK);
                metrics.enrolled(track.id(), reason, enrollment.suppressed());
            }
            case PARK -> {
                leads.put(leadId, lead.park(at));
                add(Stores.PARKED_COUNT, 1);
                metrics.parked();
                LOG.infof("Lead %s rejected again after %d nurture cycles: parked", leadId, lead.enrollments().size());
            }
            default -> {
                leads.put(leadId, lead); // keep the freshest contact details
                metrics.skipped(verdict.name());
                LOG.debugf("Lead %s not enrolled: %s", leadId, verdict);
            }
        }
    }

    /** An MQL or SQL decision: the active enrollment exits with QUALIFIED and a disqualification in force is lifted. */
    private void requalify(String leadId, Instant at, LeadSnapshot snapshot) {
        LeadNurture lead = leads.get(leadId);
        if (lead == null) {
            return;
        }
        leads.put(leadId, exit(refreshContact(lead, snapshot), NurtureExitReason.QUALIFIED, at).requalify(at));
    }

    /**
     * A DISQUALIFIED_* decision: the active enrollment exits with DISQUALIFIED and the lead is not enrolled again until
     * an MQL or SQL decision. A lead nurture never kept anything about is left unknown (a flood of spam sign-ups does
     * not fill the store); its next decision is what counts, as before.
     */
    private void disqualify(QualificationDecided decision, Instant at) {
        LeadNurture lead = leads.get(decision.getLeadId());
        if (lead == null || lead.hasDisqualificationFrom(decision.getDecisionId())) {
            return; // unknown, or the same decision again: its exit was written the first time
        }
        LeadNurture ended = exit(lead, NurtureExitReason.DISQUALIFIED, at);
        leads.put(lead.leadId(), ended.disqualify(decision.getDecisionId(), decision.getRejectionReason(), at));
    }

    private void exitIfActive(String leadId, NurtureExitReason reason, Instant at, LeadSnapshot snapshot) {
        LeadNurture lead = leads.get(leadId);
        if (lead == null) {
            return;
        }
        LeadNurture updated = exit(refreshContact(lead, snapshot), reason, at);
        leads.put(leadId, updated);
    }

    /** Ends the lead's active enrollment, if any: removes its pending step and writes NurtureExited. */
    private LeadNurture exit(LeadNurture lead, NurtureExitReason reason, Instant at) {
        Optional<Enrollment> active = lead.active();
        if (active.isEmpty()) {
            return lead;
        }
        Enrollment enrollment = active.get();
        if (enrollment.nextDueAt() != null) {
            schedule.delete(ScheduledStep.key(enrollment.nextDueAt().toEpochMilli(), lead.leadId()));
        }
        Enrollment exited = enrollment.exited(reason, at);
        add(Stores.activeCountKey(enrollment.track()), -1);
        context.forward(new Record<>(lead.leadId(), NurtureEvents.exited(lead.leadId(), exited), at.toEpochMilli(), trace()),
                NurtureTopology.ENROLLMENTS_SINK);
        metrics.exited(enrollment.track(), reason);
        return lead.withLast(exited);
    }

    /** The punctuator: every step due by now is sent (or withheld), then the next step is scheduled or the track ends. */
    private void sendDueSteps(long nowMillis) {
        List<KeyValue<String, ScheduledStep>> due = new ArrayList<>();
        try (KeyValueIterator<String, ScheduledStep> it = schedule.range(ScheduledStep.key(0, ""), ScheduledStep.lastKeyDueBy(nowMillis))) {
            while (it.hasNext() && due.size() < MAX_STEPS_PER_PUNCTUATION) {
                due.add(it.next());
            }
        }
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (KeyValue<String, ScheduledStep> entry : due) {
            schedule.delete(entry.key);
            sendStep(entry.value, now);
        }
    }

    private void sendStep(ScheduledStep scheduled, Instant now) {
        LeadNurture lead = leads.get(scheduled.leadId());
        Optional<Enrollment> active = lead == null ? Optional.empty() : lead.active();
        if (active.isEmpty() || !active.get().enrollmentId().equals(scheduled.enrollmentId())
                || active.get().nextStep() == null || active.get().nextStep() != scheduled.step()) {
            return; // a leftover of an enrollment that has moved on
        }
        Enrollment enrollment = active.get();
        Optional<Track> track = rules.track(enrollment.track());
        int number = scheduled.step();
        if (track.isEmpty() || number > track.get().steps().size()) {
            // The track was removed or shortened in the rules since: the enrollment has nothing left to send.
            leads.put(lead.leadId(), exit(lead, NurtureExitReason.COMPLETED, now));
            return;
        }
        var step = track.get().step(number);
        boolean sendable = !enrollment.suppressed() && !lead.unsubscribed() && lead.contact() != null
                && lead.contact().marketingOptIn() && lead.contact().email() != null;
        Touch touch = new Touch(NurtureEvents.touchId(enrollment.enrollmentId(), number), number, step.template(),
                step.channel(), enrollment.nextDueAt(), now, sendable ? TouchStatus.SENT : TouchStatus.SUPPRESSED);
        if (sendable) {
            context.forward(new Record<>(lead.leadId(), NurtureEvents.touchDue(lead.leadId(), enrollment, touch, lead.contact()),
                    now.toEpochMilli()), NurtureTopology.TOUCHES_SINK);
        }
        metrics.touched(enrollment.track(), sendable);
        if (track.get().isLastStep(number)) {
            LeadNurture touched = lead.withLast(enrollment.withTouch(touch, null, null));
            leads.put(lead.leadId(), exit(touched, NurtureExitReason.COMPLETED, now));
            return;
        }
        Instant next = Cadence.due(track.get(), number + 1, now, timezone(lead));
        schedule.put(ScheduledStep.key(next.toEpochMilli(), lead.leadId()),
                new ScheduledStep(lead.leadId(), enrollment.enrollmentId(), number + 1));
        leads.put(lead.leadId(), lead.withLast(enrollment.withTouch(touch, number + 1, next)));
    }

    private Optional<ZoneId> timezone(LeadNurture lead) {
        return lead.contact() == null ? Optional.empty() : rules.timezoneOf(lead.contact().country());
    }

    private static SuppressionReason suppression(LeadNurture lead) {
        if (lead.unsubscribed()) {
            return SuppressionReason.UNSUBSCRIBED;
        }
        if (lead.contact() == null || lead.contact().email() == null) {
            return SuppressionReason.OTHER; // no address to send to (e.g. a closer's rejection without a lead snapshot)
        }
        if (!lead.contact().marketingOptIn()) {
            return SuppressionReason.NO_CONSENT;
        }
        return null;
    }

    /** The latest snapshot's contact details and consent replace what was kept (they are what touches use). */
    private static LeadNurture refreshContact(LeadNurture lead, LeadSnapshot snapshot) {
        if (snapshot == null || snapshot.getContact() == null) {
            return lead;
        }
        var contact = snapshot.getContact();
        boolean optIn = snapshot.getConsent() != null && snapshot.getConsent().getMarketingOptIn();
        return lead.withContact(new Contact(contact.getEmail(), contact.getFirstName(), contact.getLastName(),
                contact.getCountry(), optIn));
    }

    private void add(String key, long delta) {
        Long current = counts.get(key);
        counts.put(key, (current == null ? 0 : current) + delta);
    }
}
