package io.leadpipeline.qualification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;

/**
 * Everything qualification keeps about one lead (the value of the lead-profiles store). Immutable: each event
 * yields a new profile. A profile without a conversion yet ({@link #isKnown()} false) only holds engagements
 * that arrived first; they count once the lead converts.
 *
 * @param clock the newest event time seen for this lead: "now" for event-time decay, so a replay decides the same
 * @param stageSince when the current stage was entered (event time)
 * @param coolDownUntil after a closer's rejection, the lead may not be SQL again before this instant
 * @param nurture the nurture enrollment the lead is in, or null
 */
public record LeadProfile(
        String leadId,
        Contact contact,
        boolean marketingOptIn,
        String consentText,
        LeadAttribution attribution,
        FormType lastFormType,
        List<Activity> activities,
        List<String> appliedEventIds,
        LeadStage stage,
        RejectionReason rejectionReason,
        Instant stageSince,
        int cycle,
        Instant cycleStartedAt,
        Instant coolDownUntil,
        List<StageChange> stageHistory,
        NurtureStatus nurture,
        Assessment lastAssessment,
        Instant clock,
        Instant updatedAt) {

    /** How many applied event ids a profile remembers; redeliveries arrive within far fewer events than this. */
    static final int REMEMBERED_EVENT_IDS = 500;
    /** How many activities a profile keeps (the newest); older ones have decayed to nothing long before. */
    static final int REMEMBERED_ACTIVITIES = 200;

    public LeadProfile {
        contact = contact == null ? Contact.empty() : contact;
        activities = activities == null ? List.of() : List.copyOf(activities);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        stageHistory = stageHistory == null ? List.of() : List.copyOf(stageHistory);
        cycle = Math.max(cycle, 1);
    }

    public static LeadProfile newLead(String leadId) {
        return new LeadProfile(leadId, Contact.empty(), false, null, null, null, List.of(), List.of(), null, null, null, 1,
                null, null, List.of(), null, null, null, null);
    }

    /** A lead is known once it converted (filled in a form); before that it only has pending engagements. */
    public boolean isKnown() {
        return contact.email() != null;
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** The newest time anything happened to the lead in its current cycle: activity or a stage change. */
    public Instant lastProgressAt() {
        Instant latest = stageSince;
        for (Activity activity : activities) {
            if (activity.cycle() == cycle && (latest == null || activity.occurredAt().isAfter(latest))) {
                latest = activity.occurredAt();
            }
        }
        return latest;
    }

    /** This profile after a conversion: contact merged (newest non-empty wins), consent as last given, form remembered. */
    public LeadProfile withConversion(String conversionId, Contact submitted, boolean optIn, String consent,
            LeadAttribution source, FormType formType, Instant at) {
        return new LeadProfile(leadId, contact.mergedWith(submitted), optIn, consent, source, formType,
                add(Activity.conversion(conversionId, formType, at, cycle)), remember(conversionId), stage, rejectionReason,
                stageSince, cycle, cycleStartedAt == null ? at : cycleStartedAt, coolDownUntil, stageHistory, nurture,
                lastAssessment, clock, at);
    }

    /** The contact merged with what is known from elsewhere (a scoring preview describes a lead without a form). */
    public LeadProfile withContact(Contact known) {
        return new LeadProfile(leadId, contact.mergedWith(known), marketingOptIn, consentText, attribution, lastFormType,
                activities, appliedEventIds, stage, rejectionReason, stageSince, cycle, cycleStartedAt, coolDownUntil,
                stageHistory, nurture, lastAssessment, clock, updatedAt);
    }

    public LeadProfile withEngagement(Activity engagement) {
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType, add(engagement),
                remember(engagement.eventId()), stage, rejectionReason, stageSince, cycle, cycleStartedAt, coolDownUntil,
                stageHistory, nurture, lastAssessment, clock, engagement.occurredAt());
    }

    /** The profile as it was before these activities (and their event ids) were added: to apply them again in order. */
    public LeadProfile withoutActivities(List<Activity> removed) {
        if (removed.isEmpty()) {
            return this;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        removed.forEach(activity -> ids.add(activity.eventId()));
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType,
                activities.stream().filter(activity -> !ids.contains(activity.eventId())).toList(),
                appliedEventIds.stream().filter(id -> !ids.contains(id)).toList(), stage, rejectionReason, stageSince, cycle,
                cycleStartedAt, coolDownUntil, stageHistory, nurture, lastAssessment, clock, updatedAt);
    }

    /** The lead unsubscribed: no marketing consent from now on (until a later form gives it again). */
    public LeadProfile withConsentWithdrawn() {
        return new LeadProfile(leadId, contact, false, consentText, attribution, lastFormType, activities, appliedEventIds,
                stage, rejectionReason, stageSince, cycle, cycleStartedAt, coolDownUntil, stageHistory, nurture,
                lastAssessment, clock, updatedAt);
    }

    /** Remembers an event that changes nothing else, so its redelivery is recognised. */
    public LeadProfile withApplied(String eventId, Instant at) {
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType, activities,
                remember(eventId), stage, rejectionReason, stageSince, cycle, cycleStartedAt, coolDownUntil, stageHistory,
                nurture, lastAssessment, clock, at);
    }

    public LeadProfile withNurture(NurtureStatus status) {
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType, activities,
                appliedEventIds, stage, rejectionReason, stageSince, cycle, cycleStartedAt, coolDownUntil, stageHistory,
                status, lastAssessment, clock, updatedAt);
    }

    /** Event time only moves forward: an older, late event never turns the lead's clock back. */
    public LeadProfile withClock(Instant eventTime) {
        Instant newest = clock == null || eventTime.isAfter(clock) ? eventTime : clock;
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType, activities,
                appliedEventIds, stage, rejectionReason, stageSince, cycle, cycleStartedAt, coolDownUntil, stageHistory,
                nurture, lastAssessment, newest, updatedAt);
    }

    public LeadProfile withAssessment(Assessment assessment) {
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType, activities,
                appliedEventIds, stage, rejectionReason, stageSince, cycle, cycleStartedAt, coolDownUntil, stageHistory,
                nurture, assessment, clock, updatedAt);
    }

    public LeadProfile withStage(StageChange change) {
        List<StageChange> history = new ArrayList<>(stageHistory);
        history.add(change);
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType, activities,
                appliedEventIds, change.stage(), change.rejectionReason(), change.at(), change.cycle(), cycleStartedAt,
                coolDownUntil, history, nurture, lastAssessment, clock, change.at());
    }

    /** A closer rejected the lead: a new cycle starts, back with marketing, and SQL waits for the cool-down. */
    public LeadProfile recycled(String outcomeId, Instant at, Instant coolDownEnds, String note) {
        int next = cycle + 1;
        List<StageChange> history = new ArrayList<>(stageHistory);
        history.add(new StageChange(LeadStage.REJECTED, null, at, null, next, note));
        return new LeadProfile(leadId, contact, marketingOptIn, consentText, attribution, lastFormType, activities,
                remember(outcomeId), LeadStage.REJECTED, null, at, next, at, coolDownEnds, history, nurture, lastAssessment,
                clock, at);
    }

    private List<Activity> add(Activity activity) {
        List<Activity> all = new ArrayList<>(activities);
        all.add(activity);
        all.sort(Comparator.comparing(Activity::occurredAt));
        return List.copyOf(all.subList(Math.max(0, all.size() - REMEMBERED_ACTIVITIES), all.size()));
    }

    private List<String> remember(String eventId) {
        List<String> ids = new ArrayList<>(appliedEventIds);
        ids.add(eventId);
        return List.copyOf(ids.subList(Math.max(0, ids.size() - REMEMBERED_EVENT_IDS), ids.size()));
    }
}
