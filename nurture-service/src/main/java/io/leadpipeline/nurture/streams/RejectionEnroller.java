package io.leadpipeline.nurture.streams;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.domain.Enrollment;
import io.leadpipeline.nurture.domain.TrackSelector;

/** Enrolls a rejected, nurturable lead in its track, unless it already has an active enrollment. */
final class RejectionEnroller implements Processor<String, QualificationDecided, String, NurtureEnrollmentChanged> {

    private final TrackSelector tracks;
    private ProcessorContext<String, NurtureEnrollmentChanged> context;
    private KeyValueStore<String, Enrollment> enrollments;

    RejectionEnroller(TrackSelector tracks) {
        this.tracks = tracks;
    }

    @Override
    public void init(ProcessorContext<String, NurtureEnrollmentChanged> context) {
        this.context = context;
        this.enrollments = context.getStateStore(Stores.ENROLLMENTS);
    }

    @Override
    public void process(Record<String, QualificationDecided> record) {
        QualificationDecided decision = record.value();
        Optional<String> track = tracks.trackFor(decision.getRejectionReason());
        Enrollment current = enrollments.get(decision.getLeadId());
        if (track.isEmpty() || (current != null && current.active())) {
            return; // not nurturable, or already enrolled: never two active enrollments
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        int cycle = current == null ? 1 : current.cycle() + 1;
        boolean suppressed = decision.getLead().getConsent() == null || !decision.getLead().getConsent().getMarketingOptIn();
        Enrollment enrollment = new Enrollment(EventIds.derive("enrollment", decision.getDecisionId()), decision.getLeadId(),
                track.get(), cycle, decision.getDecisionId(), suppressed, true, at);
        enrollments.put(decision.getLeadId(), enrollment);
        context.forward(new Record<>(decision.getLeadId(), NurtureEnrollmentChanged.newBuilder()
                .setEventId(EventIds.derive("enrollment-changed", enrollment.enrollmentId(), "enrolled"))
                .setLeadId(decision.getLeadId())
                .setOccurredAt(at)
                .setChange(NurtureEnrolled.newBuilder()
                        .setEnrollmentId(enrollment.enrollmentId())
                        .setLeadId(decision.getLeadId())
                        .setTrack(enrollment.track())
                        .setReason(NurtureEnrollmentReason.valueOf(decision.getRejectionReason().name()))
                        .setCycle(cycle)
                        .setEnrolledAt(at)
                        .setSourceEventId(decision.getDecisionId())
                        .setSuppressed(suppressed)
                        .build())
                .build(), record.timestamp()));
    }
}
