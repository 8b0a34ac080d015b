package io.leadpipeline.nurture.streams;

import java.util.Optional;

import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.QualificationDecided;

/**
 * Says why an input record cannot be nurtured (it then goes to its dead-letter topic instead of the processor), or
 * nothing when it can. Every input must be keyed by its lead id: the lead's state lives in the task of that key's
 * partition, so a record keyed otherwise would change (or create) a lead in the wrong task. Decisions and outcomes
 * need their event id (an enrollment is deduplicated by it); engagements do not (nurture applies an unsubscribe or an
 * erasure twice with no effect). A lead snapshot, when there is one, needs the address touches go to. Reasons never
 * quote the record key: a producer keying by email would put addresses in logs and headers.
 */
final class InputChecks {

    private static final Optional<String> USABLE = Optional.empty();

    private InputChecks() {
    }

    static Optional<String> problem(String key, Object value) {
        return switch (value) {
            case null -> unusable("Empty value (tombstone): nothing to nurture");
            case QualificationDecided decision -> decision(key, decision);
            case HandoffOutcomeRecorded outcome -> outcome(key, outcome);
            case EngagementTracked engagement -> engagement(key, engagement);
            default -> unusable("Unexpected record type " + value.getClass().getName());
        };
    }

    private static Optional<String> decision(String key, QualificationDecided decision) {
        Optional<String> keyProblem = keyedBy(key, decision.getLeadId());
        if (keyProblem.isPresent()) {
            return keyProblem;
        }
        if (blank(decision.getDecisionId())) {
            return unusable("No decisionId: the decision cannot be deduplicated");
        }
        if (decision.getLead() == null) {
            return unusable("Decision " + decision.getDecisionId() + " has no lead snapshot");
        }
        return snapshot("Decision " + decision.getDecisionId(), decision.getLead());
    }

    private static Optional<String> outcome(String key, HandoffOutcomeRecorded outcome) {
        Optional<String> keyProblem = keyedBy(key, outcome.getLeadId());
        if (keyProblem.isPresent()) {
            return keyProblem;
        }
        if (blank(outcome.getOutcomeId())) {
            return unusable("No outcomeId: the outcome cannot be deduplicated");
        }
        if (outcome.getOutcome() == null) {
            return unusable("Outcome " + outcome.getOutcomeId() + " has no outcome type");
        }
        // The snapshot is optional here (routing sets it on REJECTED); one that is there is used as is.
        return outcome.getLead() == null ? USABLE : snapshot("Outcome " + outcome.getOutcomeId(), outcome.getLead());
    }

    private static Optional<String> engagement(String key, EngagementTracked engagement) {
        Optional<String> keyProblem = keyedBy(key, engagement.getLeadId());
        if (keyProblem.isPresent()) {
            return keyProblem;
        }
        return engagement.getType() == null ? unusable("Engagement " + engagement.getEngagementId() + " has no type") : USABLE;
    }

    private static Optional<String> snapshot(String event, LeadSnapshot lead) {
        ContactDetails contact = lead.getContact();
        if (contact == null) {
            return unusable(event + " has a lead snapshot without contact details");
        }
        if (blank(contact.getEmail())) {
            return unusable(event + " has no email address: touches would have no recipient");
        }
        return USABLE;
    }

    private static Optional<String> keyedBy(String key, String leadId) {
        if (blank(leadId)) {
            return unusable("No leadId");
        }
        if (!leadId.equals(key)) {
            return unusable("Record key " + (key == null ? "(none)" : "(" + key.length() + " characters)") + " is not the leadId "
                    + leadId + ": the lead's state is kept in the task of its own key");
        }
        return USABLE;
    }

    private static Optional<String> unusable(String problem) {
        return Optional.of(problem);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
