package io.leadpipeline.qualification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.LeadStage;

/**
 * Everything qualification keeps about one lead (the value of the lead-profiles store). Immutable: each event
 * yields a new profile.
 */
public record LeadProfile(
        String leadId,
        Contact contact,
        boolean marketingOptIn,
        String consentText,
        List<FormType> formTypes,
        List<String> appliedEventIds,
        LeadStage stage,
        int cycle,
        List<StageChange> stageHistory,
        Assessment lastAssessment,
        Instant updatedAt) {

    /** How many applied event ids a profile remembers; redeliveries arrive within far fewer events than this. */
    static final int REMEMBERED_EVENT_IDS = 500;

    public static LeadProfile newLead(String leadId) {
        return new LeadProfile(leadId, Contact.empty(), false, null, List.of(), List.of(), null, 1, List.of(), null, null);
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    public FormType lastFormType() {
        return formTypes.isEmpty() ? null : formTypes.get(formTypes.size() - 1);
    }

    /** This profile after a conversion: contact merged (newest non-empty wins), consent as last given, form remembered. */
    public LeadProfile withConversion(String conversionId, Contact submitted, boolean optIn, String consentText,
            FormType formType, Instant at) {
        List<FormType> forms = new ArrayList<>(formTypes);
        forms.add(formType);
        return new LeadProfile(leadId, contact.mergedWith(submitted), optIn, consentText, List.copyOf(forms),
                remember(conversionId), stage, cycle, stageHistory, lastAssessment, at);
    }

    public LeadProfile withAssessment(Assessment assessment) {
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, formTypes, appliedEventIds, stage, cycle,
                stageHistory, assessment, updatedAt);
    }

    public LeadProfile withStage(StageChange change) {
        List<StageChange> history = new ArrayList<>(stageHistory);
        history.add(change);
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, formTypes, appliedEventIds, change.stage(),
                cycle, List.copyOf(history), lastAssessment, updatedAt);
    }

    private List<String> remember(String eventId) {
        List<String> ids = new ArrayList<>(appliedEventIds);
        ids.add(eventId);
        return List.copyOf(ids.subList(Math.max(0, ids.size() - REMEMBERED_EVENT_IDS), ids.size()));
    }
}
