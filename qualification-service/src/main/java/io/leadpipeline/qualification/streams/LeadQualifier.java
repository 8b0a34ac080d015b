package io.leadpipeline.qualification.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.kafka.DeadLetterMetrics;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.kafka.UnusableRecords;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Qualification;

/**
 * The one processor behind all four inputs: applies each event to its lead's profile (once), writes a decision on a
 * stage change, sends records that lack what scoring needs to their dead-letter topic, and on a wall-clock schedule
 * re-assesses every lead (decay, stale MQLs).
 */
final class LeadQualifier implements Processor<String, SpecificRecord, String, Object> {

    /** How soon a task notices a re-assessment request. */
    static final Duration REASSESS_CHECK = Duration.ofSeconds(1);


    /** Read once per record and once per scan, so each is decided under a single rules version. */
    private final Supplier<Qualification> qualification;
    private final Duration scanInterval;
    private final Map<String, Serializer<SpecificRecord>> sourceSerializers;
    private final String serviceName;
    private final QualificationMetrics metrics;
    private final StreamsTracing tracing;
    private KeyValueStore<String, LeadProfile> profiles;
    private KeyValueStore<String, Long> erasedLeads;
    private ProcessorContext<String, Object> context;
    private final ReassessRequests reassessRequests;
    /** The re-assessment generation this task has done (it starts with none pending). */
    private long reassessed;

    LeadQualifier(Supplier<Qualification> qualification, Duration scanInterval, Map<String, Serializer<SpecificRecord>> sourceSerializers,
            String serviceName, QualificationMetrics metrics, StreamsTracing tracing, ReassessRequests reassessRequests) {
        this.reassessRequests = reassessRequests;
        this.reassessed = reassessRequests.requested();
        this.qualification = qualification;
        this.scanInterval = scanInterval;
        this.sourceSerializers = sourceSerializers;
        this.serviceName = serviceName;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.profiles = context.getStateStore(Stores.LEAD_PROFILES);
        this.erasedLeads = context.getStateStore(Stores.ERASED_LEADS);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, this::scan);
        context.schedule(REASSESS_CHECK, PunctuationType.WALL_CLOCK_TIME, this::reassessIfAsked);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
        try (StreamsTracing.Hop hop = tracing.start(topic, record.headers())) {
            process(record, hop);
        }
    }

    private void process(Record<String, SpecificRecord> record, StreamsTracing.Hop hop) {
        InputEvents.Parsed parsed = InputEvents.parse(record.key(), record.value());
        if (parsed.problem() != null) {
            deadLetter(record, parsed.problem());
            return;
        }
        LeadProfile current = profiles.get(parsed.leadId());
        Long erasedAt = erasedLeads.get(parsed.leadId());
        Qualification.Step step = qualification.get().apply(current, parsed.leadId(), parsed.event(),
                erasedAt == null ? null : Instant.ofEpochMilli(erasedAt));
        store(parsed.leadId(), step);
        if (step.erasedAt() != null) {
            erasedLeads.put(parsed.leadId(), step.erasedAt().toEpochMilli());
            metrics.erased();
        }
        if (current != null && step.profile() != null && step.profile().cycle() > current.cycle()) {
            metrics.recycled();
        }
        step.decisions().forEach(decision -> {
            // The decision carries the trace of the event that caused it, so routing and nurture continue that trace.
            context.forward(new Record<String, Object>(parsed.leadId(), DecisionEvents.decided(decision, step.profile()),
                    record.timestamp(), hop.headers()), QualificationTopology.DECISIONS_SINK);
            metrics.decided(decision, Duration.ofMillis(context.currentSystemTimeMs() - record.timestamp()));
        });
    }

    /**
     * When asked (ReassessRequests), every lead of this task's partitions is scored under the live rules and moved when
     * that gives another stage (never a sales-qualified one): an explicit, whole-store pass, once per request.
     */
    private void reassessIfAsked(long wallClockMillis) {
        long asked = reassessRequests.requested();
        if (asked == reassessed) {
            return;
        }
        reassessed = asked;
        Qualification rules = qualification.get();
        reassessRequests.moved(everyLead(wallClockMillis, rules::reassess));
    }

    /** Wall-clock punctuation: every lead re-assessed at the current time (the store is updated after the scan). */
    private void scan(long wallClockMillis) {
        Qualification rules = qualification.get();
        everyLead(wallClockMillis, rules::scan);
    }

    /**
     * One pass over every lead of this task under one rules version: the steps that change a lead are stored after the
     * pass (not while the store is iterated) and their decisions sent. Returns how many decisions were sent.
     */
    private long everyLead(long wallClockMillis, BiFunction<LeadProfile, Instant, Qualification.Step> assess) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        List<KeyValue<String, Qualification.Step>> changed = new ArrayList<>();
        try (KeyValueIterator<String, LeadProfile> all = profiles.all()) {
            while (all.hasNext()) {
                KeyValue<String, LeadProfile> entry = all.next();
                Qualification.Step step = assess.apply(entry.value, now);
                if (step.changed()) {
                    changed.add(KeyValue.pair(entry.key, step));
                }
            }
        }
        long decided = 0;
        for (KeyValue<String, Qualification.Step> entry : changed) {
            store(entry.key, entry.value);
            for (Qualification.Decision decision : entry.value.decisions()) {
                context.forward(new Record<String, Object>(entry.key, DecisionEvents.decided(decision, entry.value.profile()),
                        wallClockMillis), QualificationTopology.DECISIONS_SINK);
                metrics.decided(decision, Duration.ZERO);
                if (decision.rejectionReason() == RejectionReason.STALE) {
                    metrics.staleExpired();
                }
                decided++;
            }
        }
        return decided;
    }

    private void store(String leadId, Qualification.Step step) {
        if (!step.changed()) {
            return;
        }
        if (step.profile() == null) {
            profiles.delete(leadId); // a tombstone in the changelog: the profile's personal data is gone there too
        } else {
            profiles.put(leadId, step.profile());
        }
    }

    /** The record as it was read (same serde, so the same schema id) to {@code <topic>.dlq}, with the reason in headers. */
    private void deadLetter(Record<String, SpecificRecord> record, String reason) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        Serializer<SpecificRecord> serializer = sourceSerializers.get(source.topic());
        byte[] bytes = record.value() == null ? null : serializer.serialize(source.topic(), record.value());
        Headers headers = UnusableRecords.deadLetterHeaders(record.headers(), reason, DeadLetterMetrics.VALIDATION, source.topic(),
                source.partition(), source.offset(), serviceName);
        context.forward(new Record<String, Object>(record.key(), bytes, record.timestamp(), headers),
                QualificationTopology.deadLetterSink(source.topic()));
        UnusableRecords.written(serviceName, source.topic(), source.partition(), source.offset(), DeadLetterMetrics.VALIDATION, reason);
    }

}
