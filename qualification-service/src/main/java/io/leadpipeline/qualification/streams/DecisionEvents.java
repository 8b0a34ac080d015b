package io.leadpipeline.qualification.streams;

import java.time.Instant;

import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.ScoreReason;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadProfile;

/** Builds the {@code QualificationDecided} contract, with the snapshot consumers need to act without a lookup. */
final class DecisionEvents {

    private DecisionEvents() {
    }

    static QualificationDecided decided(String decisionId, LeadProfile profile, Assessment assessment,
            ConversionCaptured trigger, Instant decidedAt, String rulesVersion) {
        var reasons = assessment.reasons().stream()
                .map(reason -> new ScoreReason(reason.ruleId(), reason.points(), reason.description()))
                .toList();
        Contact contact = profile.contact();
        return QualificationDecided.newBuilder()
                .setDecisionId(decisionId)
                .setLeadId(profile.leadId())
                .setDecidedAt(decidedAt)
                .setStage(assessment.stage())
                .setPreviousStage(profile.stage())
                .setRejectionReason(assessment.rejectionReason())
                .setFitScore(assessment.fitScore())
                .setEngagementScore(assessment.engagementScore())
                .setTotalScore(assessment.totalScore())
                .setGrade(assessment.grade())
                .setReasons(reasons)
                .setTriggeringEventId(trigger.getConversionId())
                .setRulesVersion(rulesVersion)
                .setCycle(profile.cycle())
                .setLead(LeadSnapshot.newBuilder()
                        .setContact(ContactDetails.newBuilder()
                                .setEmail(contact.email())
                                .setFirstName(contact.firstName())
                                .setLastName(contact.lastName())
                                .setCompany(contact.company())
                                .setJobTitle(contact.jobTitle())
                                .setPhone(contact.phone())
                                .setCountry(contact.country())
                                .setCompanySize(contact.companySize())
                                .setIndustry(contact.industry())
                                .build())
                        .setAttribution(trigger.getAttribution())
                        .setConsent(new MarketingConsent(profile.marketingOptIn(), profile.consentText()))
                        .setFormType(profile.lastFormType())
                        .setGrade(assessment.grade())
                        .setFitScore(assessment.fitScore())
                        .setEngagementScore(assessment.engagementScore())
                        .setTotalScore(assessment.totalScore())
                        .setReasons(reasons)
                        .build())
                .build();
    }
}
