package io.leadpipeline.qualification.streams;

import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.ScoreReason;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadAttribution;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Qualification.Decision;

/** Builds the {@code QualificationDecided} contract, with the snapshot consumers need to act without a lookup. */
final class DecisionEvents {

    private DecisionEvents() {
    }

    static QualificationDecided decided(Decision decision, LeadProfile profile) {
        var reasons = decision.reasons().stream()
                .map(reason -> new ScoreReason(reason.ruleId(), reason.points(), reason.description()))
                .toList();
        var assessment = decision.assessment();
        Contact contact = profile.contact();
        return QualificationDecided.newBuilder()
                .setDecisionId(decision.decisionId())
                .setLeadId(profile.leadId())
                .setDecidedAt(decision.decidedAt())
                .setStage(decision.stage())
                .setPreviousStage(decision.previousStage())
                .setRejectionReason(decision.rejectionReason())
                .setFitScore(assessment.fitScore())
                .setEngagementScore(assessment.engagementScore())
                .setTotalScore(assessment.totalScore())
                .setGrade(assessment.grade())
                .setReasons(reasons)
                .setTriggeringEventId(decision.triggeringEventId())
                .setRulesVersion(assessment.rulesVersion())
                .setCycle(decision.cycle())
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
                                .setEmployees(contact.employees())
                                .setIndustry(contact.industry())
                                .build())
                        .setAttribution(attribution(profile.attribution()))
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

    private static Attribution attribution(LeadAttribution source) {
        if (source == null) {
            return null;
        }
        return Attribution.newBuilder()
                .setPageUrl(source.pageUrl())
                .setReferrer(source.referrer())
                .setUtmSource(source.utmSource())
                .setUtmMedium(source.utmMedium())
                .setUtmCampaign(source.utmCampaign())
                .setUtmTerm(source.utmTerm())
                .setUtmContent(source.utmContent())
                .setVisitorId(source.visitorId())
                .build();
    }
}
