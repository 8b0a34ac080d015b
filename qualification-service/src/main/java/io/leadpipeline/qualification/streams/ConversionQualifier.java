package io.leadpipeline.qualification.streams;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.StageChange;
import io.leadpipeline.qualification.domain.scoring.Qualifier;

/** Applies each conversion to its lead's profile once, re-assesses the lead and emits a decision on a stage change. */
final class ConversionQualifier implements Processor<String, ConversionCaptured, String, QualificationDecided> {

    private final Qualifier qualifier;
    private KeyValueStore<String, LeadProfile> profiles;
    private ProcessorContext<String, QualificationDecided> context;

    ConversionQualifier(Qualifier qualifier) {
        this.qualifier = qualifier;
    }

    @Override
    public void init(ProcessorContext<String, QualificationDecided> context) {
        this.context = context;
        this.profiles = context.getStateStore(Stores.LEAD_PROFILES);
    }

    @Override
    public void process(Record<String, ConversionCaptured> record) {
        ConversionCaptured conversion = record.value();
        String leadId = conversion.getLeadId();
        LeadProfile profile = Optional.ofNullable(profiles.get(leadId)).orElseGet(() -> LeadProfile.newLead(leadId));
        if (profile.hasApplied(conversion.getConversionId())) {
            return; // a redelivered or resubmitted conversion never counts twice
        }
        var submitted = conversion.getContact();
        profile = profile.withConversion(conversion.getConversionId(),
                new Contact(submitted.getEmail(), submitted.getFirstName(), submitted.getLastName(), submitted.getCompany(),
                        submitted.getJobTitle(), submitted.getPhone(), submitted.getCountry(), submitted.getCompanySize(),
                        submitted.getIndustry()),
                conversion.getConsent().getMarketingOptIn(), conversion.getConsent().getText(), conversion.getFormType(),
                conversion.getOccurredAt());
        Assessment assessment = qualifier.assess(profile);
        profile = profile.withAssessment(assessment);
        if (profile.stage() == null || profile.stage() != assessment.stage()) {
            Instant decidedAt = Instant.ofEpochMilli(record.timestamp());
            String decisionId = EventIds.derive("decision", leadId, conversion.getConversionId());
            QualificationDecided decision = DecisionEvents.decided(decisionId, profile, assessment, conversion, decidedAt,
                    Qualifier.RULES_VERSION);
            profile = profile.withStage(new StageChange(assessment.stage(), assessment.rejectionReason(), decidedAt, decisionId));
            context.forward(new Record<>(leadId, decision, record.timestamp()));
        }
        profiles.put(leadId, profile);
    }
}
